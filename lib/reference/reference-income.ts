import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { acceptableReferenceIncomeYears, referenceIncomeYear, type ISODate } from "@/lib/rules";
import type { SaveReferenceIncomeInput } from "./schemas";

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

export interface ReferenceIncomeRow {
  year: number;
  fen: number;
  source: string | null;
  publishedOn: ISODate | null;
}

export interface ReferenceIncomePage {
  rows: ReferenceIncomeRow[];
  /** The year whose figure serves as R today, or null: then pre-checks and re-checks cannot run. */
  inUseYear: number | null;
  /** The year to enter when none serves (last year's). */
  missingYear: number | null;
  today: ISODate;
}

/** The figures entered, latest year first, and which one serves today (Art. 13.4). */
export async function listReferenceIncomes(actor: Actor, options: { now?: Date } = {}): Promise<ReferenceIncomePage> {
  assertCan(actor, "referenceIncome:manage");
  const today = todayCST(options.now ?? clockNow());
  const rows = await prisma.referenceIncome.findMany({
    orderBy: { year: "desc" },
    take: 30,
    select: { year: true, perCapitaDisposableIncomeFen: true, source: true, publishedOn: true },
  });
  const inUseYear = referenceIncomeYear(today, rows.map((r) => r.year));
  return {
    rows: rows.map((r) => ({ year: r.year, fen: r.perCapitaDisposableIncomeFen, source: r.source, publishedOn: r.publishedOn ? fromDateColumn(r.publishedOn) : null })),
    inUseYear,
    missingYear: inUseYear === null ? acceptableReferenceIncomeYears(today)[0]! : null,
    today,
  };
}

/**
 * Records or corrects the published figure of a year (municipal officers). A year not yet over
 * has no figure, and a publication date cannot be in the future. Audited with the old figure.
 */
export async function saveReferenceIncome(actor: Actor, input: SaveReferenceIncomeInput, options: { now?: Date } = {}): Promise<{ year: number }> {
  assertCan(actor, "referenceIncome:manage");
  const today = todayCST(options.now ?? clockNow());
  const thisYear = Number(today.slice(0, 4));
  if (input.year >= thisYear) throw new AppError("VALIDATION", { fieldErrors: { year: ["referenceIncomes.validation.yearNotOver"] } });
  if (input.publishedOn > today) throw new AppError("VALIDATION", { fieldErrors: { publishedOn: ["referenceIncomes.validation.publishedOnFuture"] } });
  if (Number(input.publishedOn.slice(0, 4)) <= input.year) throw new AppError("VALIDATION", { fieldErrors: { publishedOn: ["referenceIncomes.validation.publishedBeforeYearEnd"] } });
  return prisma.$transaction(async (tx) => {
    const before = await tx.referenceIncome.findUnique({ where: { year: input.year }, select: { perCapitaDisposableIncomeFen: true } });
    const data = { perCapitaDisposableIncomeFen: input.amountFen, source: input.source, publishedOn: dateColumn(input.publishedOn) };
    await tx.referenceIncome.upsert({ where: { year: input.year }, create: { year: input.year, ...data }, update: data });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: before ? "referenceIncome.correct" : "referenceIncome.record",
        entityType: "ReferenceIncome",
        entityId: String(input.year),
        data: { year: input.year, fen: input.amountFen, previousFen: before?.perCapitaDisposableIncomeFen ?? null, source: input.source, publishedOn: input.publishedOn },
      },
      tx,
    );
    return { year: input.year };
  });
}
