import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assessEligibility, type EligibilityResult, type ISODate } from "@/lib/rules";
import { referenceIncomeOn, type ReferenceIncome } from "@/lib/reference/reference-income";
import { latestBanUntil } from "./household-claims";
import { rulesHousehold, type ApplicationInput } from "./schemas";

type Db = Prisma.TransactionClient;

/**
 * R for an application made on `date` (Art. 13.4, lib/rules referenceIncomeYear): the previous
 * year's figure, or the year before while last year's is not published; its year is recorded with
 * the pre-check. Without one the pre-check cannot run (503: the figures must be entered).
 */
export async function referenceIncomeFor(db: Db, date: ISODate): Promise<ReferenceIncome> {
  const reference = await referenceIncomeOn(db, date);
  if (!reference.found) throw new AppError("INTERNAL", { messageKey: "applications.errors.noReferenceIncome", status: 503 });
  return reference.found;
}

export interface Precheck {
  result: EligibilityResult;
  referenceIncomeYear: number;
}

/**
 * The eligibility pre-check (Art. 12-14, 40) through lib/rules. Art. 12 conflicts are refused
 * before this runs, so `memberAlreadyHoused` is false; bans come from the Ban table for any member.
 * The result goes to the officers with the application: a failing pre-check does not reject (Art. 19).
 */
export async function runPrecheck(db: Db, input: ApplicationInput, applicationDate: ISODate): Promise<Precheck> {
  const members = rulesHousehold(input);
  if (!members) throw new AppError("VALIDATION");
  const reference = await referenceIncomeFor(db, applicationDate);
  const residentIds = [input.applicant.residentId, ...input.members.map((m) => m.residentId)];
  const result = assessEligibility({
    applicationDate,
    members,
    employment: input.applicant.employment,
    ownsUrbanHousingInCity: input.housing.ownsUrbanHousingInCity,
    housingFloorAreaM2: input.housing.housingFloorAreaM2,
    lastHousingTransferDate: input.housing.lastHousingTransferDate,
    familyCanSupportHousing: input.familyCanSupportHousing,
    priorityCategories: input.priorityCategories,
    referenceIncomeFen: reference.fen,
    bannedUntil: await latestBanUntil(db, residentIds),
    memberAlreadyHoused: false,
  });
  return { result, referenceIncomeYear: reference.year };
}

/**
 * Art. 40: "may not apply again for five years". A ban in force is the authority's own record, so
 * the portal refuses to submit (the intake API stores the application with the failing pre-check
 * for the officers, as its contract states).
 */
export function isBannedResult(result: EligibilityResult): boolean {
  return result.reasons.some((r) => r.code === "BANNED");
}
