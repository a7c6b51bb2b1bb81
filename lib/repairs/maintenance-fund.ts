import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/allocation/inputs";
import { maintenanceFundMinFen } from "@/lib/rules/rent";
import { recordFundInputSchema, type RecordFundInput } from "./fund-schemas";

// The maintenance fund (Art. 35: 按照不低于租金收入的5%逐年预筹专项维修资金). Per estate and year: the
// rent received (the parts of receipts that paid rent, not late fees, by the day they were paid in
// China Standard Time), the least to set aside (lib/rules maintenanceFundMinFen), what the officers
// recorded as set aside, and the shortfall. Sums are bigint (SQL SUM of integers).

export interface FundRow {
  estateId: string;
  estate: string;
  districtCode: string;
  rentIncomeFen: bigint;
  requiredFen: bigint;
  setAsideFen: bigint;
  shortfallFen: bigint;
}

/** The least to set aside for a year's rent income (Art. 35); an estate's income is far below 2^53 fen. */
export function requiredFundFen(rentIncomeFen: bigint): bigint {
  if (rentIncomeFen > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("rent income beyond exact arithmetic");
  return BigInt(maintenanceFundMinFen(Number(rentIncomeFen)));
}

/** The report of one year for the estates in the officer's reach, those short of the minimum first. */
export async function maintenanceFundReport(actor: Actor, year: number): Promise<FundRow[]> {
  const estates = scopeWhere(actor, "report:read", "Estate");
  if (estates === NOTHING) return [];
  const rows = await prisma.estate.findMany({ where: estates, select: { id: true, name: true, districtCode: true }, orderBy: { name: "asc" }, take: 1000 });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const income = await prisma.$queryRaw<{ estateId: string; total: bigint }[]>`
    SELECT u."estateId" AS "estateId", SUM(p."amountFen")::bigint AS "total"
      FROM "Payment" p
      JOIN "Bill" b ON b."id" = p."billId"
      JOIN "Lease" l ON l."id" = b."leaseId"
      JOIN "Unit" u ON u."id" = l."unitId"
     WHERE p."lateFeeId" IS NULL AND p."paidAt" >= ${from} AND p."paidAt" < ${to} AND u."estateId" IN (${Prisma.join(ids)})
     GROUP BY u."estateId"`;
  const setAside = await prisma.maintenanceFundAllocation.groupBy({ by: ["estateId"], where: { year, estateId: { in: ids } }, _sum: { amountFen: true } });
  const incomeBy = new Map(income.map((r) => [r.estateId, BigInt(r.total)]));
  const setAsideBy = new Map(setAside.map((r) => [r.estateId, r._sum.amountFen ?? 0n]));
  return rows
    .map((e) => {
      const rentIncomeFen = incomeBy.get(e.id) ?? 0n;
      const requiredFen = requiredFundFen(rentIncomeFen);
      const setAsideFen = setAsideBy.get(e.id) ?? 0n;
      return { estateId: e.id, estate: e.name, districtCode: e.districtCode, rentIncomeFen, requiredFen, setAsideFen, shortfallFen: setAsideFen >= requiredFen ? 0n : requiredFen - setAsideFen };
    })
    .sort((a, b) => (a.shortfallFen > 0n ? 0 : 1) - (b.shortfallFen > 0n ? 0 : 1) || a.estate.localeCompare(b.estate, "zh-CN"));
}

/** Records money set aside for an estate's fund in a year (an officer of the estate's district). */
export async function recordFundAllocation(actor: Actor, input: RecordFundInput, options: { now?: Date } = {}): Promise<{ allocationId: string }> {
  const { estateId, year, amountFen, note, formKey } = parseInput(recordFundInputSchema, input);
  const at = options.now ?? clockNow();
  if (year > Number(todayCST(at).slice(0, 4))) throw new AppError("VALIDATION", { fieldErrors: { year: ["repairs.fund.validation.yearFuture"] } });
  const estate = await prisma.estate.findUnique({ where: { id: estateId }, select: { id: true, districtCode: true } });
  if (!estate) throw new AppError("NOT_FOUND");
  assertCan(actor, "maintenanceFund:manage", { districtCode: estate.districtCode });
  const again = await prisma.maintenanceFundAllocation.findUnique({ where: { formKey }, select: { id: true } });
  if (again) return { allocationId: again.id };
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.maintenanceFundAllocation.create({ data: { estateId, year, amountFen: BigInt(amountFen), note: note ?? null, formKey, recordedById: actor.id, recordedAt: at }, select: { id: true } });
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "maintenanceFund.record", entityType: "MaintenanceFundAllocation", entityId: row.id, districtCode: estate.districtCode, data: { estateId, year, amountFen } }, tx);
      return { allocationId: row.id };
    });
  } catch (error) {
    const first = await prisma.maintenanceFundAllocation.findUnique({ where: { formKey }, select: { id: true } });
    if (first) return { allocationId: first.id };
    throw error;
  }
}
