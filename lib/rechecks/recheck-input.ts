import { areaM2FromDm2, type EligibilityInput, type EmploymentBasis, type Fen, type HouseholdMember, type ISODate, type PriorityCategory } from "@/lib/rules";
import type { HouseholdComparison } from "@/lib/shared-data/compare";

// Art. 20: the annual re-check re-runs lib/rules assessEligibility on the declared household
// updated by the latest shared data. What is updated, and why (docs/decisions/007):
// - income: each member's annual income becomes the income on record (tax, else social-insurance
//   wages) where there is one; members without a record keep their declared income (Art. 18);
// - housing: when real-estate records have been imported, the household's holdings and latest
//   transfer on record replace the declaration (absence of records then means no housing), and a
//   declared transfer later than any on record is kept;
// - priority: a declared category whose civil-affairs certification has lapsed (revoked or past
//   its validity) is dropped (Art. 14); absence of a record alone drops nothing;
// - employment, civil capacity, family support: as declared (shared data does not settle them).

export interface RecheckHousehold {
  members: Array<HouseholdMember & { id: string }>;
  employment: EmploymentBasis;
  ownsUrbanHousingInCity: boolean;
  housingFloorAreaDm2: number;
  lastHousingTransferDate: ISODate | null;
  familyCanSupportHousing: boolean;
  priorityCategories: PriorityCategory[];
}

export type RecheckChange =
  | { kind: "income"; memberId: string; declaredFen: Fen; recordedFen: Fen; source: "TAX" | "SOCIAL_INSURANCE"; year: number | null }
  | { kind: "housing"; declaredOwns: boolean; declaredAreaDm2: number; recordedOwns: boolean; recordedAreaDm2: number }
  | { kind: "transfer"; declared: ISODate | null; recorded: ISODate }
  | { kind: "priority"; category: PriorityCategory };

export function buildRecheckInput(args: {
  household: RecheckHousehold;
  comparison: HouseholdComparison;
  referenceIncomeFen: Fen;
  checkDate: ISODate;
  bannedUntil: ISODate | null;
}): { input: EligibilityInput; changes: RecheckChange[] } {
  const { household, comparison } = args;
  const changes: RecheckChange[] = [];
  const byMember = new Map(comparison.members.map((m) => [m.memberId, m]));

  const members: HouseholdMember[] = household.members.map((m) => {
    const recorded = byMember.get(m.id)?.recordedIncome;
    if (recorded && recorded.fen !== m.annualIncomeFen) {
      changes.push({ kind: "income", memberId: m.id, declaredFen: m.annualIncomeFen, recordedFen: recorded.fen, source: recorded.source, year: recorded.year });
    }
    return {
      relationship: m.relationship,
      sex: m.sex,
      birthDate: m.birthDate,
      fullCivilCapacity: m.fullCivilCapacity,
      annualIncomeFen: recorded ? recorded.fen : m.annualIncomeFen,
    };
  });

  let ownsUrbanHousingInCity = household.ownsUrbanHousingInCity;
  let areaDm2 = household.housingFloorAreaDm2;
  let lastTransfer = household.lastHousingTransferDate;
  const property = comparison.property;
  if (property.dataAvailable) {
    const recordedOwns = property.recordedAreaDm2 > 0;
    if (recordedOwns !== ownsUrbanHousingInCity || (recordedOwns && property.recordedAreaDm2 !== areaDm2)) {
      changes.push({ kind: "housing", declaredOwns: ownsUrbanHousingInCity, declaredAreaDm2: areaDm2, recordedOwns, recordedAreaDm2: property.recordedAreaDm2 });
    }
    ownsUrbanHousingInCity = recordedOwns;
    areaDm2 = property.recordedAreaDm2;
  }
  if (property.latestTransferDate && (lastTransfer === null || property.latestTransferDate > lastTransfer)) {
    changes.push({ kind: "transfer", declared: lastTransfer, recorded: property.latestTransferDate });
    lastTransfer = property.latestTransferDate;
  }

  const lapsed = new Set(comparison.priority.items.filter((i) => i.status === "CERTIFICATION_LAPSED").map((i) => i.category));
  const priorityCategories = household.priorityCategories.filter((c) => !lapsed.has(c));
  for (const category of lapsed) changes.push({ kind: "priority", category });

  return {
    input: {
      applicationDate: args.checkDate,
      members,
      employment: household.employment,
      ownsUrbanHousingInCity,
      housingFloorAreaM2: areaM2FromDm2(areaDm2),
      lastHousingTransferDate: lastTransfer,
      familyCanSupportHousing: household.familyCanSupportHousing,
      priorityCategories,
      referenceIncomeFen: args.referenceIncomeFen,
      bannedUntil: args.bannedUntil,
      // The household's own qualification is not "another" application (Art. 12).
      memberAlreadyHoused: false,
    },
    changes,
  };
}
