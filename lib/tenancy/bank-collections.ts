import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, reachOf, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { BankCollectionLineStatus, BankCollectionUnmatchedReason, Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/allocation/inputs";
import { amountToSettleFen } from "@/lib/rules/settlement";
import type { ISODate } from "@/lib/rules/types";
import { CollectionFileError, readCollectionFile, sha256Hex, type CollectionLineRead } from "./bank-collection-file";
import { lockLease, openDebts, settleReceipt } from "./payments";
import {
  collectionImportInputSchema,
  collectionLinesQuerySchema,
  collectionListQuerySchema,
  resolveCollectionLineSchema,
  type CollectionImportInput,
  type ResolveCollectionLineInput,
} from "./schemas";

// Bank collection files (银行代收, Art. 28-29; docs/decisions/020-bank-collections.md). An officer
// imports a bank's file; every line that names a lease of the officer's reach, for no more than
// the lease owes on the deduction date, becomes a RentReceipt (BANK_TRANSFER, reference
// "bank:{bank}:{serial}") settled by settleReceipt, the oldest debt first, late fees by lateFeeFen.
// The rest stay UNMATCHED with their reason for an officer to resolve by hand.
//
// Only once, by the database: a file is one transaction that first inserts the file's row, whose
// SHA-256 is unique, so the same file imported twice, or by two officers at the same moment, is
// one import (the second waits on the unique index and then finds the first); a serial number
// settles once across files because the receipt is unique per method and reference.

type Tx = Prisma.TransactionClient;

const FILES_PAGE_SIZE = 20;
const LINES_PAGE_SIZE = 50;

/** The bank's serial number as the receipt's reference: serial numbers are unique per bank. */
export function bankReference(bankCode: string, serialNo: string): string {
  return `bank:${bankCode}:${serialNo}`;
}

/** The bank gives a date, not a time: the receipt is dated the start of that day in China Standard Time. */
function startOfCstDay(date: ISODate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The district an officer imports for: theirs, or null (the whole city) for a municipal officer. */
function importDistrict(actor: Actor): string | null {
  const reach = reachOf(actor, "lease:manage");
  if (!reach) throw new AppError("FORBIDDEN");
  if (reach.kind === "district") return reach.districtCode;
  if (reach.kind === "city" || reach.kind === "all") return null;
  throw new AppError("FORBIDDEN");
}

interface LineOutcome {
  lineNo: number;
  serialNo: string | null;
  leaseRef: string | null;
  payerNameMasked: string | null;
  amountFen: number | null;
  paidOn: ISODate | null;
  status: BankCollectionLineStatus;
  reason: BankCollectionUnmatchedReason | null;
  problemColumn: string | null;
  problemKey: string | null;
  leaseId: string | null;
  receiptId: string | null;
}

async function reconcileLines(
  tx: Tx,
  lines: CollectionLineRead[],
  context: { bankCode: string; districtCode: string | null; recordedById: string },
): Promise<LineOutcome[]> {
  const refs = [...new Set(lines.map((l) => l.leaseRef).filter((r): r is string => r !== null))];
  const leases = await tx.lease.findMany({ where: { leaseNo: { in: refs } }, select: { id: true, leaseNo: true, unit: { select: { estate: { select: { districtCode: true } } } } } });
  const byNo = new Map(leases.map((l) => [l.leaseNo, l]));
  const seen = new Set<string>();
  const out: LineOutcome[] = [];
  for (const line of lines) {
    const base = { lineNo: line.lineNo, serialNo: line.serialNo, leaseRef: line.leaseRef, payerNameMasked: line.payerNameMasked, amountFen: line.amountFen, paidOn: line.paidOn, problemColumn: null, problemKey: null, leaseId: null, receiptId: null };
    const unmatched = (reason: BankCollectionUnmatchedReason, extra: Partial<LineOutcome> = {}): LineOutcome => ({ ...base, status: "UNMATCHED", reason, ...extra });
    if (line.problem || line.serialNo === null || line.leaseRef === null || line.amountFen === null || line.paidOn === null) {
      out.push(unmatched("MALFORMED", { problemColumn: line.problem?.column ?? null, problemKey: line.problem?.key ?? null }));
      continue;
    }
    const reference = bankReference(context.bankCode, line.serialNo);
    if (seen.has(reference)) {
      out.push({ ...base, status: "DUPLICATE", reason: null });
      continue;
    }
    seen.add(reference);
    const lease = byNo.get(line.leaseRef);
    if (!lease) {
      out.push(unmatched("UNKNOWN_LEASE"));
      continue;
    }
    if (context.districtCode !== null && lease.unit.estate.districtCode !== context.districtCode) {
      out.push(unmatched("LEASE_OUT_OF_DISTRICT"));
      continue;
    }
    const settled = await tx.rentReceipt.findUnique({ where: { method_reference: { method: "BANK_TRANSFER", reference } }, select: { id: true } });
    if (settled) {
      out.push({ ...base, status: "DUPLICATE", reason: null, leaseId: lease.id, receiptId: settled.id });
      continue;
    }
    await lockLease(tx, lease.id);
    const due = amountToSettleFen({ ...(await openDebts(tx, lease.id)), onDate: line.paidOn });
    if (line.amountFen > due.totalFen) {
      out.push(unmatched("AMOUNT_ABOVE_DUE", { leaseId: lease.id }));
      continue;
    }
    const receipt = await settleReceipt(tx, { leaseId: lease.id, amountFen: line.amountFen, method: "BANK_TRANSFER", reference, paidAt: startOfCstDay(line.paidOn), paidOn: line.paidOn, recordedById: context.recordedById });
    out.push({ ...base, status: receipt.created ? "MATCHED" : "DUPLICATE", reason: null, leaseId: lease.id, receiptId: receipt.receiptId });
  }
  return out;
}

function sumFen(lines: LineOutcome[], status: BankCollectionLineStatus): bigint {
  return lines.filter((l) => l.status === status).reduce((sum, l) => sum + BigInt(l.amountFen ?? 0), 0n);
}

/**
 * Imports a bank collection file and reconciles it against the bills. The same file again (by its
 * SHA-256) changes nothing and returns the first import. A file that is not a collection file is
 * refused with the reason and writes nothing; a line that cannot be read is kept as MALFORMED.
 */
export async function importCollectionFile(actor: Actor, input: CollectionImportInput, options: { now?: Date } = {}): Promise<{ fileId: string; created: boolean }> {
  const { bankCode, collectionDate, fileName, bytes } = parseInput(collectionImportInputSchema, input);
  assertCan(actor, "lease:manage");
  const districtCode = importDistrict(actor);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  if (collectionDate > today) throw new AppError("VALIDATION", { fieldErrors: { collectionDate: ["collections.validation.dateFuture"] } });
  const sha256 = sha256Hex(bytes);
  const known = async () => {
    const file = await prisma.bankCollectionFile.findUnique({ where: { sha256 }, select: { id: true, districtCode: true } });
    if (!file) return null;
    if (!can(actor, "lease:manage", { districtCode: file.districtCode })) throw new AppError("CONFLICT", { messageKey: "collections.errors.importedElsewhere" });
    return { fileId: file.id, created: false };
  };
  const before = await known();
  if (before) return before;
  let lines: CollectionLineRead[];
  try {
    lines = await readCollectionFile(bytes, fileName, { today });
  } catch (error) {
    if (error instanceof CollectionFileError) throw new AppError("VALIDATION", { messageKey: `collections.fileErrors.${error.key}`, values: { column: error.column ?? "" }, cause: error });
    throw error;
  }
  // A serial number being settled by another file at this moment, for another lease, fails this
  // transaction on the receipt's unique key: once more, and the line finds it settled.
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(
        async (tx) => {
          const file = await tx.bankCollectionFile.create({
            data: { bankCode, fileName, sha256, collectionDate: dateColumn(collectionDate), lineCount: lines.length, matchedCount: 0, unmatchedCount: 0, duplicateCount: 0, matchedFen: 0n, unmatchedFen: 0n, uploadedById: actor.id, districtCode, createdAt: at },
            select: { id: true },
          });
          const outcomes = await reconcileLines(tx, lines, { bankCode, districtCode, recordedById: actor.id });
          await tx.bankCollectionLine.createMany({
            data: outcomes.map((o) => ({ ...o, fileId: file.id, paidOn: o.paidOn ? dateColumn(o.paidOn) : null })),
          });
          const count = (s: BankCollectionLineStatus) => outcomes.filter((o) => o.status === s).length;
          const totals = { matchedCount: count("MATCHED"), unmatchedCount: count("UNMATCHED"), duplicateCount: count("DUPLICATE"), matchedFen: sumFen(outcomes, "MATCHED"), unmatchedFen: sumFen(outcomes, "UNMATCHED") };
          await tx.bankCollectionFile.update({ where: { id: file.id }, data: totals });
          await writeAudit(
            {
              actorId: actor.id,
              actorRole: actor.role,
              action: "payment.bankCollection.import",
              entityType: "BankCollectionFile",
              entityId: file.id,
              districtCode,
              data: { bankCode, fileName, sha256, lines: lines.length, matched: totals.matchedCount, unmatched: totals.unmatchedCount, duplicate: totals.duplicateCount, matchedFen: totals.matchedFen.toString() },
            },
            tx,
          );
          return { fileId: file.id, created: true };
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error, "sha256")) {
        const first = await known();
        if (first) return first;
      }
      if (attempt < 3 && (isUniqueViolation(error, "reference") || isUniqueViolation(error, "method"))) continue;
      throw error;
    }
  }
}

/** An officer resolves an unmatched line once: settles it against a lease, or returns it to the bank. */
export async function resolveCollectionLine(actor: Actor, input: ResolveCollectionLineInput, options: { now?: Date } = {}): Promise<{ status: "RESOLVED"; receiptNo: string | null }> {
  const { lineId, resolution, leaseNo, note } = parseInput(resolveCollectionLineSchema, input);
  const at = options.now ?? clockNow();
  const line = await prisma.bankCollectionLine.findUnique({
    where: { id: lineId },
    select: { id: true, lineNo: true, status: true, serialNo: true, amountFen: true, paidOn: true, file: { select: { id: true, bankCode: true, districtCode: true } } },
  });
  const files = scopeWhere(actor, "lease:manage", "BankCollectionFile");
  if (!line || files === NOTHING || !can(actor, "lease:manage", { districtCode: line.file.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "collections.errors.lineNotFound" });
  if (line.status !== "UNMATCHED") throw new AppError("CONFLICT", { messageKey: "collections.errors.alreadyResolved" });
  const amount = line.amountFen ?? 0;
  const audit = (tx: Tx, data: Prisma.InputJsonValue) =>
    writeAudit({ actorId: actor.id, actorRole: actor.role, action: "payment.bankCollection.resolve", entityType: "BankCollectionLine", entityId: line.id, districtCode: line.file.districtCode, reason: note, data }, tx);
  const claim = async (tx: Tx, data: Prisma.BankCollectionLineUncheckedUpdateManyInput) => {
    const claimed = await tx.bankCollectionLine.updateMany({ where: { id: line.id, status: "UNMATCHED" }, data: { status: "RESOLVED", resolution, resolvedById: actor.id, resolvedAt: at, resolutionNote: note, ...data } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", { messageKey: "collections.errors.alreadyResolved" });
  };

  if (resolution === "RETURNED_TO_BANK") {
    await prisma.$transaction(async (tx) => {
      await claim(tx, {});
      await tx.bankCollectionFile.update({ where: { id: line.file.id }, data: { unmatchedCount: { decrement: 1 }, resolvedCount: { increment: 1 }, unmatchedFen: { decrement: BigInt(amount) } } });
      await audit(tx, { fileId: line.file.id, lineNo: line.lineNo, resolution, amountFen: amount });
    });
    return { status: "RESOLVED", receiptNo: null };
  }

  if (line.serialNo === null || line.amountFen === null || line.paidOn === null) throw new AppError("VALIDATION", { messageKey: "collections.errors.lineUnreadable" });
  const lease = await prisma.lease.findUnique({ where: { leaseNo: leaseNo! }, select: { id: true, leaseNo: true, unit: { select: { estate: { select: { districtCode: true } } } } } });
  const leaseDistrict = lease?.unit.estate.districtCode ?? null;
  if (!lease || !can(actor, "lease:manage", { districtCode: leaseDistrict })) throw new AppError("VALIDATION", { fieldErrors: { leaseNo: ["collections.validation.leaseNotFound"] } });
  if (line.file.districtCode !== null && leaseDistrict !== line.file.districtCode) throw new AppError("VALIDATION", { fieldErrors: { leaseNo: ["collections.validation.leaseOutOfDistrict"] } });
  const paidOn = fromDateColumn(line.paidOn);
  const reference = bankReference(line.file.bankCode, line.serialNo);
  try {
    return await prisma.$transaction(async (tx) => {
      await claim(tx, { leaseId: lease.id });
      await lockLease(tx, lease.id);
      if (await tx.rentReceipt.findUnique({ where: { method_reference: { method: "BANK_TRANSFER", reference } }, select: { id: true } })) throw new AppError("CONFLICT", { messageKey: "collections.errors.serialSettled" });
      const due = amountToSettleFen({ ...(await openDebts(tx, lease.id)), onDate: paidOn });
      if (amount > due.totalFen) throw new AppError("VALIDATION", { fieldErrors: { leaseNo: ["collections.validation.amountAboveDue"] } });
      const receipt = await settleReceipt(tx, { leaseId: lease.id, amountFen: amount, method: "BANK_TRANSFER", reference, paidAt: startOfCstDay(paidOn), paidOn, recordedById: actor.id });
      await tx.bankCollectionLine.update({ where: { id: line.id }, data: { receiptId: receipt.receiptId } });
      await tx.bankCollectionFile.update({ where: { id: line.file.id }, data: { unmatchedCount: { decrement: 1 }, resolvedCount: { increment: 1 }, unmatchedFen: { decrement: BigInt(amount) }, matchedFen: { increment: BigInt(amount) } } });
      await audit(tx, { fileId: line.file.id, lineNo: line.lineNo, resolution, leaseNo: lease.leaseNo, amountFen: amount, receiptNo: receipt.receiptNo });
      return { status: "RESOLVED" as const, receiptNo: receipt.receiptNo };
    });
  } catch (error) {
    if (isUniqueViolation(error, "reference") || isUniqueViolation(error, "method")) throw new AppError("CONFLICT", { messageKey: "collections.errors.serialSettled", cause: error });
    throw error;
  }
}

const fileSelect = {
  id: true,
  bankCode: true,
  fileName: true,
  sha256: true,
  collectionDate: true,
  lineCount: true,
  matchedCount: true,
  unmatchedCount: true,
  duplicateCount: true,
  resolvedCount: true,
  matchedFen: true,
  unmatchedFen: true,
  districtCode: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
  district: { select: { name: true, nameEn: true } },
} satisfies Prisma.BankCollectionFileSelect;

export type CollectionFileView = ReturnType<typeof fileView>;

function fileView(f: Prisma.BankCollectionFileGetPayload<{ select: typeof fileSelect }>) {
  return { ...f, collectionDate: fromDateColumn(f.collectionDate), uploadedBy: f.uploadedBy.name };
}

/** The files in the officer's reach, newest first; searched by file name or bank. */
export async function listCollectionFiles(actor: Actor, query: unknown) {
  const { q, page } = collectionListQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "lease:manage", "BankCollectionFile");
  if (scope === NOTHING) return { rows: [] as CollectionFileView[], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.BankCollectionFileWhereInput = { AND: [scope, q ? { OR: [{ fileName: { contains: q, mode: "insensitive" } }, { bankCode: q.toUpperCase() }] } : {}] };
  const result = await readPage(
    page,
    FILES_PAGE_SIZE,
    () => prisma.bankCollectionFile.count({ where }),
    ({ skip, take }) => prisma.bankCollectionFile.findMany({ where, select: fileSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    { narrow: Boolean(q) },
  );
  return { ...result, rows: result.rows.map(fileView) };
}

const lineSelect = {
  id: true,
  lineNo: true,
  serialNo: true,
  leaseRef: true,
  payerNameMasked: true,
  amountFen: true,
  paidOn: true,
  status: true,
  reason: true,
  problemColumn: true,
  problemKey: true,
  resolution: true,
  resolvedAt: true,
  resolutionNote: true,
  lease: { select: { leaseNo: true } },
  receipt: { select: { receiptNo: true } },
  resolvedBy: { select: { name: true } },
} satisfies Prisma.BankCollectionLineSelect;

export type CollectionLineView = ReturnType<typeof lineView>;

function lineView(l: Prisma.BankCollectionLineGetPayload<{ select: typeof lineSelect }>) {
  return { ...l, paidOn: l.paidOn ? fromDateColumn(l.paidOn) : null, leaseNo: l.lease?.leaseNo ?? null, receiptNo: l.receipt?.receiptNo ?? null, resolvedBy: l.resolvedBy?.name ?? null };
}

/** One file in the officer's reach with a page of its lines (by status), or null. */
export async function getCollectionFile(actor: Actor, fileId: string, query: unknown) {
  const { status, page } = collectionLinesQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "lease:manage", "BankCollectionFile");
  if (scope === NOTHING || !/^[a-z0-9]{20,40}$/.test(fileId)) return null;
  const file = await prisma.bankCollectionFile.findFirst({ where: { AND: [scope, { id: fileId }] }, select: fileSelect });
  if (!file) return null;
  const where: Prisma.BankCollectionLineWhereInput = { fileId, ...(status ? { status } : {}) };
  const [lines, counts] = await Promise.all([
    readPage(page, LINES_PAGE_SIZE, () => prisma.bankCollectionLine.count({ where }), ({ skip, take }) => prisma.bankCollectionLine.findMany({ where, select: lineSelect, orderBy: { lineNo: "asc" }, skip, take })),
    prisma.bankCollectionLine.groupBy({ by: ["status"], where: { fileId }, _count: { _all: true } }),
  ]);
  const byStatus = { MATCHED: 0, UNMATCHED: 0, DUPLICATE: 0, RESOLVED: 0 } as Record<BankCollectionLineStatus, number>;
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { file: fileView(file), lines: { ...lines, rows: lines.rows.map(lineView) }, byStatus, canResolve: can(actor, "lease:manage", { districtCode: file.districtCode }) };
}
