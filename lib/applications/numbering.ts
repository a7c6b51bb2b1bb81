import "server-only";
import { nextSequenceValue } from "@/lib/db/sequence";
import type { Prisma } from "@/lib/generated/prisma/client";

// Application numbers: GZF-<receiving district>-<year>-<six-digit sequence>, e.g.
// GZF-500103-2026-000123, one sequence per district office and year (SequenceCounter key
// `application:<district>:<year>`), taken inside the creating transaction.

/** Drafts carry a provisional number until they are submitted. */
export const DRAFT_NUMBER_PREFIX = "DRAFT-";

export function isProvisionalNumber(applicationNo: string): boolean {
  return applicationNo.startsWith(DRAFT_NUMBER_PREFIX);
}

export function formatApplicationNo(districtCode: string, year: number, sequence: number): string {
  return `GZF-${districtCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** Increments the district's counter for the year atomically (one statement, safe under concurrency). */
export async function nextApplicationNo(tx: Prisma.TransactionClient, districtCode: string, year: number): Promise<string> {
  return formatApplicationNo(districtCode, year, await nextSequenceValue(tx, `application:${districtCode}:${year}`));
}
