import {
  compareISODate,
  maskResidentId,
  transferWindowEnds,
  type EmploymentBasis,
  type ISODate,
  type PriorityCategory,
  type Relationship,
} from "@/lib/rules";
import { sumSafe } from "@/lib/money/sum";
import {
  isChongqingRegion,
  isResidentialUse,
  type CivilAffairsFields,
  type HousingFundFields,
  type RealEstateFields,
  type SharedDataSourceCode,
  type SocialInsuranceFields,
  type TaxFields,
} from "./layouts";

// What a household declared next to what partner agencies' records say (Art. 17-18), as pure
// functions: the review screen, the annual re-check (Art. 20) and the tests all use these. The
// rules below are documented in docs/decisions/007-shared-data-and-rechecks.md.

/**
 * Art. 18 income tolerance: a recorded income differs from the declared one when the difference is
 * more than 1,200 yuan (100 yuan a month) AND more than 10 % of the declared income. Declarations
 * are often net of tax and social insurance while records are gross, hence a relative margin; the
 * absolute floor keeps small incomes from being flagged for a few hundred yuan.
 */
export const INCOME_TOLERANCE_MIN_FEN = 120_000;
export const INCOME_TOLERANCE_TENTHS = 1; // 10 %

/** Declared and recorded floor areas differ when they are more than 1 m2 apart (measurement rounding). */
export const AREA_TOLERANCE_DM2 = 100;

/** The records of one person from one source: those of the newest batch that holds the person. */
export interface SourceRecords<T> {
  /** The batch's data date (its as-of date, or the import date). */
  asOf: ISODate;
  batchId: string;
  rows: T[];
}

export interface PersonRecords {
  SOCIAL_INSURANCE?: SourceRecords<SocialInsuranceFields>;
  HOUSING_FUND?: SourceRecords<HousingFundFields>;
  TAX?: SourceRecords<TaxFields>;
  REAL_ESTATE?: SourceRecords<RealEstateFields>;
  CIVIL_AFFAIRS?: SourceRecords<CivilAffairsFields>;
}

export interface DeclaredMember {
  id: string;
  name: string;
  relationship: Relationship;
  residentId: string;
  annualIncomeFen: number;
}

export interface DeclaredHousehold {
  /** The date the comparison is made for (application date, or the re-check date). */
  onDate: ISODate;
  employment: EmploymentBasis;
  employerName: string | null;
  ownsUrbanHousingInCity: boolean;
  housingFloorAreaDm2: number;
  lastHousingTransferDate: ISODate | null;
  priorityCategories: PriorityCategory[];
  members: DeclaredMember[];
}

export interface ComparisonInput {
  household: DeclaredHousehold;
  /** Records by resident ID. */
  records: ReadonlyMap<string, PersonRecords>;
  /** Sources of which at least one file has been imported: without any, absence proves nothing. */
  availableSources: ReadonlySet<SharedDataSourceCode>;
}

export type Severity = "mismatch" | "info";

export type IncomeStatus =
  | "MATCH"
  | "HIGHER_THAN_DECLARED"
  | "LOWER_THAN_DECLARED"
  /** Art. 18: no tax or social-insurance income record; an employer's income certificate is needed. */
  | "NO_RECORD_CERTIFICATE_NEEDED"
  /** No record and nothing declared (e.g. a child): nothing to verify. */
  | "NO_RECORD";

export interface RecordedIncome {
  source: "TAX" | "SOCIAL_INSURANCE";
  fen: number;
  year: number | null;
  asOf: ISODate;
}

export interface MemberComparison {
  memberId: string;
  name: string;
  relationship: Relationship;
  maskedResidentId: string;
  declaredIncomeFen: number;
  recordedIncome: RecordedIncome | null;
  incomeStatus: IncomeStatus;
  /** recorded − declared, when there is a record. */
  incomeDifferenceFen: number | null;
  /** Employers on record (social insurance, housing fund), for any member. */
  employers: EmploymentRecord[];
  /** Civil-affairs certifications of this member. */
  certifications: Certification[];
}

export type PropertyFlag = "UNDECLARED_HOUSING" | "AREA_MISMATCH" | "DECLARED_HOUSING_NOT_FOUND" | "UNDECLARED_RECENT_TRANSFER";

export interface Holding {
  memberId: string;
  memberName: string;
  address: string;
  areaDm2: number;
  use: string | null;
  registeredOn: ISODate | null;
}

export interface Transfer {
  memberId: string;
  memberName: string;
  address: string;
  transferredOn: ISODate;
  /** Within the three years of Art. 13.5 before `onDate`. */
  isRecent: boolean;
}

export interface PropertyComparison {
  /** Real-estate records have been imported at all. */
  dataAvailable: boolean;
  declaredOwns: boolean;
  declaredAreaDm2: number;
  declaredTransferDate: ISODate | null;
  holdings: Holding[];
  /** Total residential floor area held, each address counted once (co-owners share a home). */
  recordedAreaDm2: number;
  transfers: Transfer[];
  /** The latest transfer on record, if any. */
  latestTransferDate: ISODate | null;
  flags: PropertyFlag[];
}

export interface EmploymentRecord {
  source: "SOCIAL_INSURANCE" | "HOUSING_FUND";
  employerName: string | null;
  region: string;
  status: string;
  isChongqing: boolean;
  isActive: boolean;
}

export type EmploymentStatus =
  | "CONFIRMED"
  | "EMPLOYER_MISMATCH"
  | "NO_RECORD"
  | "NOT_IN_CHONGQING"
  | "NOT_ACTIVE"
  | "PENSION_NOT_FOUND"
  | "NO_DATA"
  | "NOT_VERIFIABLE"
  | "NOT_APPLICABLE";

export interface EmploymentComparison {
  declared: EmploymentBasis;
  declaredEmployer: string | null;
  /** The applicant's records (Art. 13.3 is about the applicant). */
  records: EmploymentRecord[];
  status: EmploymentStatus;
}

export interface Certification {
  memberId: string;
  category: PriorityCategory;
  certifiedOn: ISODate | null;
  validUntil: ISODate | null;
  isValid: boolean;
}

export type PriorityFlagStatus = "CERTIFIED" | "DECLARED_NOT_CERTIFIED" | "CERTIFICATION_LAPSED" | "CERTIFIED_NOT_DECLARED" | "NO_DATA";

export interface PriorityComparison {
  dataAvailable: boolean;
  declared: PriorityCategory[];
  certified: PriorityCategory[];
  items: Array<{ category: PriorityCategory; status: PriorityFlagStatus }>;
}

export interface Flag {
  area: "income" | "property" | "employment" | "priority";
  code: string;
  severity: Severity;
  memberId?: string;
}

export interface HouseholdComparison {
  onDate: ISODate;
  members: MemberComparison[];
  property: PropertyComparison;
  employment: EmploymentComparison;
  priority: PriorityComparison;
  flags: Flag[];
  hasMismatch: boolean;
  availableSources: SharedDataSourceCode[];
}

/** The income on record: the latest tax year's total, else the latest social-insurance wage total. */
export function recordedIncomeOf(records: PersonRecords | undefined): RecordedIncome | null {
  const tax = records?.TAX;
  if (tax && tax.rows.length > 0) {
    const year = Math.max(...tax.rows.map((r) => r.year));
    const fen = sumSafe(tax.rows.filter((r) => r.year === year).map((r) => r.annualIncomeFen));
    return { source: "TAX", fen, year, asOf: tax.asOf };
  }
  const si = records?.SOCIAL_INSURANCE;
  const withWage = si?.rows.filter((r) => typeof r.annualWageFen === "number") ?? [];
  if (si && withWage.length > 0) {
    const years = withWage.map((r) => r.year).filter((y): y is number => typeof y === "number");
    const year = years.length > 0 ? Math.max(...years) : null;
    const rows = year === null ? withWage : withWage.filter((r) => r.year === year || r.year === undefined);
    return { source: "SOCIAL_INSURANCE", fen: sumSafe(rows.map((r) => r.annualWageFen ?? 0)), year, asOf: si.asOf };
  }
  return null;
}

/** Art. 18 tolerance (see INCOME_TOLERANCE_*): MATCH, HIGHER or LOWER than declared. */
export function classifyIncome(declaredFen: number, recorded: RecordedIncome | null): IncomeStatus {
  if (!recorded) return declaredFen > 0 ? "NO_RECORD_CERTIFICATE_NEEDED" : "NO_RECORD";
  const diff = recorded.fen - declaredFen;
  const magnitude = Math.abs(diff);
  const beyond = magnitude > INCOME_TOLERANCE_MIN_FEN && magnitude * 10 > declaredFen * INCOME_TOLERANCE_TENTHS;
  if (!beyond) return "MATCH";
  return diff > 0 ? "HIGHER_THAN_DECLARED" : "LOWER_THAN_DECLARED";
}

/** Employer names compared without spaces and brackets; one containing the other counts as the same. */
export function sameEmployer(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.replace(/[\s()（）【】[\]「」]/g, "").toLowerCase();
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

function employmentRecords(records: PersonRecords | undefined): EmploymentRecord[] {
  const out: EmploymentRecord[] = [];
  for (const r of records?.SOCIAL_INSURANCE?.rows ?? []) {
    out.push({
      source: "SOCIAL_INSURANCE",
      employerName: r.employerName ?? null,
      region: r.region,
      status: r.status,
      isChongqing: isChongqingRegion(r.region),
      isActive: r.status === "ACTIVE",
    });
  }
  for (const r of records?.HOUSING_FUND?.rows ?? []) {
    out.push({
      source: "HOUSING_FUND",
      employerName: r.employerName,
      region: r.region,
      status: r.status,
      isChongqing: isChongqingRegion(r.region),
      isActive: r.status === "ACTIVE",
    });
  }
  return out;
}

/** Art. 13.3 against social insurance and housing fund records of the applicant. */
export function compareEmployment(
  declared: EmploymentBasis,
  declaredEmployer: string | null,
  records: EmploymentRecord[],
  available: ReadonlySet<SharedDataSourceCode>,
): EmploymentStatus {
  if (declared === "NONE") return "NOT_APPLICABLE";
  // Business licences are registered with market regulation, not among the shared sources.
  if (declared === "BUSINESS_LICENSE") return "NOT_VERIFIABLE";
  const relevant =
    declared === "LABOR_CONTRACT" ? records : records.filter((r) => r.source === "SOCIAL_INSURANCE");
  const sourcesNeeded: SharedDataSourceCode[] = declared === "LABOR_CONTRACT" ? ["SOCIAL_INSURANCE", "HOUSING_FUND"] : ["SOCIAL_INSURANCE"];
  if (relevant.length === 0) return sourcesNeeded.some((s) => available.has(s)) ? "NO_RECORD" : "NO_DATA";
  if (declared === "PENSION") {
    return relevant.some((r) => r.status === "RETIRED" && r.isChongqing) ? "CONFIRMED" : "PENSION_NOT_FOUND";
  }
  const inChongqing = relevant.filter((r) => r.isChongqing);
  if (inChongqing.length === 0) return "NOT_IN_CHONGQING";
  const active = inChongqing.filter((r) => r.isActive);
  if (active.length === 0) return "NOT_ACTIVE";
  if (declared === "LABOR_CONTRACT" && declaredEmployer) {
    const named = active.filter((r) => r.employerName);
    if (named.length > 0 && !named.some((r) => sameEmployer(r.employerName, declaredEmployer))) return "EMPLOYER_MISMATCH";
  }
  return "CONFIRMED";
}

function compareProperty(input: ComparisonInput): PropertyComparison {
  const { household, records, availableSources } = input;
  const holdingsByAddress = new Map<string, Holding>();
  const transfers: Transfer[] = [];
  for (const member of household.members) {
    for (const r of records.get(member.residentId)?.REAL_ESTATE?.rows ?? []) {
      if (r.status === "HELD") {
        if (!isResidentialUse(r.use)) continue;
        const key = r.address.replace(/\s+/g, "");
        const existing = holdingsByAddress.get(key);
        if (!existing || existing.areaDm2 < r.areaDm2) {
          holdingsByAddress.set(key, {
            memberId: member.id,
            memberName: member.name,
            address: r.address,
            areaDm2: r.areaDm2,
            use: r.use ?? null,
            registeredOn: r.registeredOn ?? null,
          });
        }
      } else if (r.transferredOn) {
        if (!isResidentialUse(r.use)) continue;
        transfers.push({
          memberId: member.id,
          memberName: member.name,
          address: r.address,
          transferredOn: r.transferredOn,
          // Art. 13.5: lib/rules decides when three years have passed.
          isRecent: compareISODate(household.onDate, transferWindowEnds(r.transferredOn)) < 0,
        });
      }
    }
  }
  const holdings = [...holdingsByAddress.values()];
  const recordedAreaDm2 = sumSafe(holdings.map((h) => h.areaDm2));
  transfers.sort((a, b) => compareISODate(b.transferredOn, a.transferredOn));
  const latestTransferDate = transfers[0]?.transferredOn ?? null;
  const dataAvailable = availableSources.has("REAL_ESTATE");
  const flags: PropertyFlag[] = [];
  if (!household.ownsUrbanHousingInCity && recordedAreaDm2 > 0) flags.push("UNDECLARED_HOUSING");
  if (household.ownsUrbanHousingInCity && recordedAreaDm2 > 0 && Math.abs(recordedAreaDm2 - household.housingFloorAreaDm2) > AREA_TOLERANCE_DM2) {
    flags.push("AREA_MISMATCH");
  }
  if (household.ownsUrbanHousingInCity && dataAvailable && holdings.length === 0) flags.push("DECLARED_HOUSING_NOT_FOUND");
  const undeclaredRecent = transfers.some(
    (t) => t.isRecent && (household.lastHousingTransferDate === null || compareISODate(t.transferredOn, household.lastHousingTransferDate) > 0),
  );
  if (undeclaredRecent) flags.push("UNDECLARED_RECENT_TRANSFER");
  return {
    dataAvailable,
    declaredOwns: household.ownsUrbanHousingInCity,
    declaredAreaDm2: household.housingFloorAreaDm2,
    declaredTransferDate: household.lastHousingTransferDate,
    holdings,
    recordedAreaDm2,
    transfers,
    latestTransferDate,
    flags,
  };
}

function certificationsOf(member: DeclaredMember, records: PersonRecords | undefined, onDate: ISODate): Certification[] {
  return (records?.CIVIL_AFFAIRS?.rows ?? []).map((r) => ({
    memberId: member.id,
    category: r.category,
    certifiedOn: r.certifiedOn ?? null,
    validUntil: r.validUntil ?? null,
    isValid: r.status !== "REVOKED" && (!r.validUntil || compareISODate(r.validUntil, onDate) >= 0),
  }));
}

function comparePriority(input: ComparisonInput, certifications: Certification[]): PriorityComparison {
  const declared = [...input.household.priorityCategories];
  const dataAvailable = input.availableSources.has("CIVIL_AFFAIRS");
  const certified = [...new Set(certifications.filter((c) => c.isValid).map((c) => c.category))];
  const lapsed = new Set(certifications.filter((c) => !c.isValid).map((c) => c.category));
  const items: PriorityComparison["items"] = [];
  for (const category of declared) {
    if (certified.includes(category)) items.push({ category, status: "CERTIFIED" });
    else if (lapsed.has(category)) items.push({ category, status: "CERTIFICATION_LAPSED" });
    else items.push({ category, status: dataAvailable ? "DECLARED_NOT_CERTIFIED" : "NO_DATA" });
  }
  for (const category of certified) {
    if (!declared.includes(category)) items.push({ category, status: "CERTIFIED_NOT_DECLARED" });
  }
  return { dataAvailable, declared, certified, items };
}

/** Declared against recorded, per member and for the household, with every mismatch flagged. */
export function compareHouseholdData(input: ComparisonInput): HouseholdComparison {
  const { household, records } = input;
  const flags: Flag[] = [];
  const allCertifications: Certification[] = [];
  const members: MemberComparison[] = household.members.map((m) => {
    const own = records.get(m.residentId);
    const recordedIncome = recordedIncomeOf(own);
    const incomeStatus = classifyIncome(m.annualIncomeFen, recordedIncome);
    if (incomeStatus === "HIGHER_THAN_DECLARED") flags.push({ area: "income", code: incomeStatus, severity: "mismatch", memberId: m.id });
    if (incomeStatus === "LOWER_THAN_DECLARED" || incomeStatus === "NO_RECORD_CERTIFICATE_NEEDED") {
      flags.push({ area: "income", code: incomeStatus, severity: "info", memberId: m.id });
    }
    const certifications = certificationsOf(m, own, household.onDate);
    allCertifications.push(...certifications);
    return {
      memberId: m.id,
      name: m.name,
      relationship: m.relationship,
      maskedResidentId: maskResidentId(m.residentId),
      declaredIncomeFen: m.annualIncomeFen,
      recordedIncome,
      incomeStatus,
      incomeDifferenceFen: recordedIncome ? recordedIncome.fen - m.annualIncomeFen : null,
      employers: employmentRecords(own),
      certifications,
    };
  });

  const property = compareProperty(input);
  for (const code of property.flags) {
    flags.push({ area: "property", code, severity: code === "DECLARED_HOUSING_NOT_FOUND" ? "info" : "mismatch" });
  }

  const applicant = household.members.find((m) => m.relationship === "APPLICANT");
  const applicantRecords = applicant ? employmentRecords(records.get(applicant.residentId)) : [];
  const employmentStatus = compareEmployment(household.employment, household.employerName, applicantRecords, input.availableSources);
  const employment: EmploymentComparison = {
    declared: household.employment,
    declaredEmployer: household.employerName,
    records: applicantRecords,
    status: employmentStatus,
  };
  if (["NO_RECORD", "NOT_IN_CHONGQING", "NOT_ACTIVE", "PENSION_NOT_FOUND"].includes(employmentStatus)) {
    flags.push({ area: "employment", code: employmentStatus, severity: "mismatch", memberId: applicant?.id });
  } else if (employmentStatus === "EMPLOYER_MISMATCH") {
    flags.push({ area: "employment", code: employmentStatus, severity: "info", memberId: applicant?.id });
  }

  const priority = comparePriority(input, allCertifications);
  for (const item of priority.items) {
    if (item.status === "DECLARED_NOT_CERTIFIED" || item.status === "CERTIFICATION_LAPSED") {
      flags.push({ area: "priority", code: item.status, severity: "mismatch" });
    } else if (item.status === "CERTIFIED_NOT_DECLARED") {
      flags.push({ area: "priority", code: item.status, severity: "info" });
    }
  }

  return {
    onDate: household.onDate,
    members,
    property,
    employment,
    priority,
    flags,
    hasMismatch: flags.some((f) => f.severity === "mismatch"),
    availableSources: [...input.availableSources],
  };
}
