import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assessEligibility, type EligibilityResult, type ISODate } from "@/lib/rules";
import { latestBanUntil } from "./household-claims";
import { rulesHousehold, type ApplicationInput } from "./schemas";

type Db = Prisma.TransactionClient;

/**
 * R for an application made in `year` (Art. 13.4): the previous year's figure. When it has not
 * been entered yet (early in a year, before the statistics are published), the latest earlier
 * year's figure is used, and its year is recorded with the pre-check.
 */
export async function referenceIncomeFor(db: Db, year: number): Promise<{ year: number; fen: number }> {
  const row = await db.referenceIncome.findFirst({
    where: { year: { lte: year - 1 } },
    orderBy: { year: "desc" },
    select: { year: true, perCapitaDisposableIncomeFen: true },
  });
  if (!row) throw new AppError("INTERNAL", { messageKey: "applications.errors.noReferenceIncome", status: 503 });
  return { year: row.year, fen: row.perCapitaDisposableIncomeFen };
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
  const reference = await referenceIncomeFor(db, Number(applicationDate.slice(0, 4)));
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
