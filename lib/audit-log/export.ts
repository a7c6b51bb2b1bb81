import "server-only";
import ExcelJS from "exceljs";
import { z } from "zod";
import { can, type Actor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { tableSheet, xlsxDownload } from "@/lib/http/xlsx-download";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { isValidISODate, toDayNumber } from "@/lib/rules/dates";
import { verifyAuditChain, type ChainVerification } from "./verify";

// The audit trail of a period (China Standard Time days, both ends included) as an XLSX workbook
// for an inspector (docs/decisions/029): a first sheet saying whether the chain verified over the
// rows' positions, then every row in seq order with its prevHash and hash. At most
// AUDIT_EXPORT_MAX_DAYS days and AUDIT_EXPORT_CAP rows: a longer period is asked for in parts, so
// that a workbook is never cut short without saying so.

import { AUDIT_EXPORT_CAP, AUDIT_EXPORT_MAX_DAYS } from "./export-limits";

export { AUDIT_EXPORT_CAP, AUDIT_EXPORT_MAX_DAYS };
const PREFIX = "admin.auditTrail.errors";

const day = (required: string) =>
  z
    .string({ error: `${PREFIX}.${required}` })
    .trim()
    .min(1, { error: `${PREFIX}.${required}` })
    .refine((v) => isValidISODate(v), { error: `${PREFIX}.invalidDate` });

export const auditPeriodSchema = z
  .object({ from: day("fromRequired"), to: day("toRequired") })
  .superRefine((v, ctx) => {
    if (!isValidISODate(v.from) || !isValidISODate(v.to)) return;
    const span = toDayNumber(v.to) - toDayNumber(v.from);
    if (span < 0) ctx.addIssue({ code: "custom", path: ["to"], message: `${PREFIX}.order` });
    else if (span >= AUDIT_EXPORT_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `${PREFIX}.tooLong` });
  });

export type AuditPeriod = { from: string; to: string };

/** The period from a form or query string, or the message keys of what is wrong, by field. */
export function parseAuditPeriod(input: { from?: unknown; to?: unknown }): { ok: true; period: AuditPeriod } | { ok: false; errors: Record<string, string> } {
  const parsed = auditPeriodSchema.safeParse({ from: input.from ?? "", to: input.to ?? "" });
  if (parsed.success) return { ok: true, period: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "from")] ??= issue.message;
  return { ok: false, errors };
}

function bounds(period: AuditPeriod): { gte: Date; lt: Date } {
  const gte = new Date(`${period.from}T00:00:00+08:00`);
  const lt = new Date(new Date(`${period.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { gte, lt };
}

function requireExporter(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor, "audit:export")) throw new AppError("FORBIDDEN");
  return actor;
}

/** How many rows the period holds, for the page (one indexed count). */
export async function countAuditPeriod(actor: Actor, period: AuditPeriod): Promise<number> {
  requireExporter(actor);
  return prisma.auditLog.count({ where: { at: bounds(period) } });
}

/** The exported rows, with the chain checked over their positions (from the row before the first). */
export async function exportAuditTrail(actor: Actor | null, period: AuditPeriod) {
  requireExporter(actor);
  const rows = await prisma.auditLog.findMany({ where: { at: bounds(period) }, orderBy: { seq: "asc" }, take: AUDIT_EXPORT_CAP + 1 });
  if (rows.length > AUDIT_EXPORT_CAP) throw new AppError("VALIDATION", { messageKey: `${PREFIX}.tooMany`, values: { cap: AUDIT_EXPORT_CAP } });
  const seqs = rows.map((r) => r.seq).filter((s): s is bigint => s !== null);
  const verification: ChainVerification | null =
    seqs.length === 0 ? null : await verifyAuditChain(prisma, { fromSeq: seqs[0]!, toSeq: seqs.at(-1)! });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const users = actorIds.length === 0 ? [] : await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return { rows, verification, names, unsealed: rows.length - seqs.length };
}

/** Resident ID numbers never leave in an export, even if one slipped into a row's text. */
function withoutResidentIds(text: string): string {
  return text.replace(/(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])/g, (_m, head: string, tail: string) => `${head}********${tail}`);
}

function cst(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace("T", " ").slice(0, 23);
}

export async function auditTrailWorkbook(period: AuditPeriod, data: Awaited<ReturnType<typeof exportAuditTrail>>): Promise<Uint8Array> {
  const t = catalogTranslator("zh-CN", "admin.auditTrail");
  const roles = catalogTranslator("zh-CN", "roles");
  const { rows, verification, names } = data;
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet(t("xlsx.summarySheet"));
  summary.columns = [{ width: 24 }, { width: 80 }];
  const status =
    verification === null
      ? t("xlsx.noRows")
      : verification.ok && data.unsealed === 0
        ? t("xlsx.verified", { first: verification.firstSeq ?? "-", last: verification.lastSeq ?? "-", count: verification.checked })
        : verification.break
          ? t("xlsx.broken", { seq: verification.break.seq ?? "-", id: verification.break.id ?? "-", kind: t(`xlsx.kind.${verification.break.kind}`) })
          : t("xlsx.unsealed", { count: data.unsealed });
  summary.addRows([
    [t("xlsx.period"), t("xlsx.periodValue", { from: period.from, to: period.to })],
    [t("xlsx.rows"), rows.length],
    [t("xlsx.chain"), status],
    [t("xlsx.lastHash"), verification?.lastHash ?? ""],
    [t("xlsx.how"), t("xlsx.howValue")],
  ]);
  summary.getColumn(1).font = { bold: true };

  const sheet = tableSheet(book, t("xlsx.rowsSheet"), [
    { header: t("xlsx.seq"), key: "seq", width: 10 },
    { header: t("xlsx.time"), key: "time", width: 24 },
    { header: t("xlsx.actor"), key: "actor", width: 20 },
    { header: t("xlsx.role"), key: "role", width: 14 },
    { header: t("xlsx.action"), key: "action", width: 28 },
    { header: t("xlsx.entity"), key: "entity", width: 36 },
    { header: t("xlsx.district"), key: "district", width: 10 },
    { header: t("xlsx.reason"), key: "reason", width: 30 },
    { header: t("xlsx.data"), key: "data", width: 50 },
    { header: t("xlsx.prevHash"), key: "prevHash", width: 66 },
    { header: t("xlsx.hash"), key: "hash", width: 66 },
  ]);
  for (const r of rows) {
    sheet.addRow({
      seq: r.seq === null ? "" : Number(r.seq),
      time: cst(r.at),
      actor: r.actorId === null ? t("xlsx.system") : `${names.get(r.actorId) ?? ""} (${r.actorId})`,
      role: r.actorRole ? roles(r.actorRole) : "",
      action: r.action,
      entity: `${r.entityType} ${r.entityId}`,
      district: r.districtCode ?? "",
      reason: r.reason === null ? "" : withoutResidentIds(r.reason),
      data: r.data === null ? "" : withoutResidentIds(JSON.stringify(r.data)),
      prevHash: r.prevHash ?? "",
      hash: r.hash ?? "",
    });
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** GET /api/admin/audit-trail/xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD: administrators only. */
export async function auditTrailXlsxResponse(request: Request): Promise<Response> {
  try {
    const user = requireExporter(await getCurrentUser());
    const params = new URL(request.url).searchParams;
    const parsed = parseAuditPeriod({ from: params.get("from"), to: params.get("to") });
    if (!parsed.ok) throw new AppError("VALIDATION", { messageKey: Object.values(parsed.errors)[0] });
    const data = await exportAuditTrail(user, parsed.period);
    const bytes = await auditTrailWorkbook(parsed.period, data);
    return xlsxDownload(bytes, `audit-${parsed.period.from}-${parsed.period.to}.xlsx`, `审计记录-${parsed.period.from}-${parsed.period.to}.xlsx`);
  } catch (error) {
    return errorResponse(error, "audit-trail-xlsx");
  }
}
