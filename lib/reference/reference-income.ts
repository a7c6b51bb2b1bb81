import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { acceptableReferenceIncomeYears, referenceIncomeYear, type ISODate } from "@/lib/rules";

type Db = Pick<Prisma.TransactionClient, "referenceIncome">;

export interface ReferenceIncome {
  year: number;
  fen: number;
}

/**
 * R of Art. 13.4 for an assessment made on `onDate` (the pre-check at submission, the annual
 * re-check): the figure of the year lib/rules `referenceIncomeYear` chooses among those entered,
 * or null when none may serve. `missingYear` is then the year whose figure should be entered.
 */
export async function referenceIncomeOn(db: Db, onDate: ISODate): Promise<{ found: ReferenceIncome } | { found: null; missingYear: number }> {
  const candidates = acceptableReferenceIncomeYears(onDate);
  const rows = await db.referenceIncome.findMany({
    where: { year: { in: candidates } },
    select: { year: true, perCapitaDisposableIncomeFen: true },
  });
  const year = referenceIncomeYear(onDate, rows.map((r) => r.year));
  const row = rows.find((r) => r.year === year);
  return row ? { found: { year: row.year, fen: row.perCapitaDisposableIncomeFen } } : { found: null, missingYear: candidates[0]! };
}

/**
 * Records the city's published figures (reference data, as the districts are): one row per year,
 * replaced when a figure is corrected.
 */
export async function upsertReferenceIncomes(
  db: Pick<Prisma.TransactionClient, "referenceIncome">,
  figures: ReadonlyArray<{ year: number; fen: number; source: string; publishedOn: ISODate }>,
): Promise<void> {
  for (const f of figures) {
    const data = { perCapitaDisposableIncomeFen: f.fen, source: f.source, publishedOn: new Date(`${f.publishedOn}T00:00:00.000Z`) };
    await db.referenceIncome.upsert({ where: { year: f.year }, create: { year: f.year, ...data }, update: data });
  }
}
