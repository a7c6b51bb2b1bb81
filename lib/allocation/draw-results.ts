import "server-only";
import { prisma } from "@/lib/db/client";
import { pageWindow, readPage } from "@/lib/db/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Outcome } from "@/lib/lottery/publication";
import { normalizeNumberQuery, numberPrefixRange } from "@/lib/publicity/number-search";
import { resultOutcome } from "./draw-json";
import { isRecordId } from "./inputs";

// A drawn pool's result as the public reads it (Art. 23): every entrant's rank, ticket and
// outcome, 50 a page in rank order, or searched by application number (whole or its beginning).
// Ranks run 1..n with no gap, so page N is `rank > 50(N-1)` on the (drawId, rank) index with no
// count; a search is a range of the (drawId, applicationNo) unique index.

export const RESULT_PAGE_SIZE = 50;

export interface DrawResultRow {
  rank: number;
  applicationNo: string;
  ticket: string;
  outcome: Outcome;
}

export interface DrawResultPage {
  items: DrawResultRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The query as searched (normalised), or "" for none. */
  q: string;
  isPastEnd: boolean;
}

const resultSelect = { rank: true, applicationNo: true, ticket: true, outcome: true, round: true } satisfies Prisma.LotteryEntrantSelect;

function row(e: Pick<Prisma.LotteryEntrantGetPayload<{ select: typeof resultSelect }>, "rank" | "applicationNo" | "ticket" | "outcome" | "round">): DrawResultRow {
  return { rank: e.rank!, applicationNo: e.applicationNo, ticket: e.ticket!, outcome: resultOutcome(e)! };
}

/** A page of a drawn pool's result (`entrantCount` as the draw stores it). */
export async function listDrawResults(drawId: string, entrantCount: number, query: { page?: number; q?: string | null } = {}): Promise<DrawResultPage> {
  const requested = Math.max(1, Math.floor(query.page ?? 1) || 1);
  const q = normalizeNumberQuery(query.q);
  if (q === null) return { items: [], total: 0, page: 1, pageCount: 1, q: (query.q ?? "").trim(), isPastEnd: false };
  if (q === "") {
    const window = pageWindow(requested, entrantCount, RESULT_PAGE_SIZE);
    const items = await prisma.lotteryEntrant.findMany({ where: { drawId, rank: { gt: window.skip } }, select: resultSelect, orderBy: { rank: "asc" }, take: window.take });
    return { items: items.map(row), total: entrantCount, page: window.page, pageCount: window.pageCount, q, isPastEnd: requested > window.pageCount };
  }
  const { from, below } = numberPrefixRange(q);
  const where: Prisma.LotteryEntrantWhereInput = { drawId, applicationNo: { gte: from, ...(below ? { lt: below } : {}), startsWith: q }, rank: { not: null } };
  const { rows, total, page, pageCount } = await readPage(
    requested,
    RESULT_PAGE_SIZE,
    () => prisma.lotteryEntrant.count({ where }),
    (window) => prisma.lotteryEntrant.findMany({ where, select: resultSelect, orderBy: { applicationNo: "asc" }, ...window }),
    { narrow: true },
  );
  return { items: rows.map(row), total, page, pageCount, q, isPastEnd: requested > pageCount };
}

/** One application's result in a drawn pool, or null (not drawn, not in it, or a malformed id). */
export async function findDrawResult(drawId: string, applicationNo: string): Promise<DrawResultRow | null> {
  if (!isRecordId(drawId) || applicationNo.length === 0 || applicationNo.length > 64) return null;
  // One row by the (drawId, applicationNo) unique index, as plain SQL: the lookup is a fraction of
  // a millisecond, and Prisma's query building would be most of the answer's time.
  const rows = await prisma.$queryRaw<Array<{ rank: number | null; applicationNo: string; ticket: string | null; outcome: "WON" | "WAITLISTED" | null; round: "PRIORITY" | "GENERAL" | null }>>`
    SELECT "rank", "applicationNo", "ticket", "outcome"::text AS "outcome", "round"::text AS "round"
      FROM "LotteryEntrant" WHERE "drawId" = ${drawId} AND "applicationNo" = ${applicationNo}`;
  const entrant = rows[0];
  return entrant && entrant.rank !== null ? row(entrant) : null;
}
