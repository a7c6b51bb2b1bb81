// The application service (lib/applications/submit-application.ts) against the real database:
// one transaction that validates, refuses Art. 12 conflicts, numbers, stores, pre-checks and submits.
import { beforeEach, describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/submit-application";
import { transitionApplication } from "@/lib/applications/transitions";
import { residentIdCheckChar } from "@/lib/rules/identity";
import { expectAppError } from "../support/app-errors";
import { fromDateColumn, todayCST } from "../support/clock";
import { SHAPINGBA, WANZHOU, YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { APPLICANT_BIRTH_DATE, seedWorld, validBody, withValue, type World } from "./applications.fixtures";
import { prisma, truncateAll } from "./db";

let world: World;

beforeEach(async () => {
  await truncateAll();
  world = await seedWorld();
});

function intake(body: Record<string, unknown>) {
  return submitApplication({ kind: "intake", externalId: String(body.externalId), input: body, responseBody: (r) => JSON.stringify({ applicationNo: r.applicationNo }) });
}

async function counts() {
  return {
    applications: await prisma.application.count(),
    members: await prisma.householdMember.count(),
    declarations: await prisma.applicationDeclaration.count(),
    preferences: await prisma.applicationEstatePreference.count(),
    events: await prisma.applicationStatusEvent.count(),
    notifications: await prisma.notification.count(),
    counters: await prisma.sequenceCounter.count(),
  };
}

const EMPTY = { applications: 0, members: 0, declarations: 0, preferences: 0, events: 0, notifications: 0, counters: 0 };
const year = Number(todayCST().slice(0, 4));

describe("submitApplication: the happy path", () => {
  it("numbers, stores the household with sex and birth date from the IDs, pre-checks and submits", async () => {
    const body = validBody();
    const result = await intake(body);
    expect(result.applicationNo).toBe(`GZF-${YUZHONG}-${year}-000001`);
    expect(result.status).toBe("SUBMITTED");
    expect(result.eligibility.eligible).toBe(true);
    expect(result.responseBody).toBe(JSON.stringify({ applicationNo: result.applicationNo }));

    const app = await prisma.application.findUniqueOrThrow({
      where: { id: result.applicationId },
      include: { members: true, declaration: true, estatePreferences: { include: { estate: true } }, statusEvents: { orderBy: { id: "asc" } } },
    });
    expect(app).toMatchObject({
      source: "INTAKE_API",
      status: "SUBMITTED",
      applicantUserId: null,
      contactPhone: "13800138000",
      districtCode: YUZHONG,
      estateLevel: "MUNICIPAL",
      preferredUnitType: "ONE_BEDROOM",
      precheckEligible: true,
      referenceIncomeYear: year - 1,
      externalId: body.externalId,
      intakeResponse: JSON.stringify({ applicationNo: result.applicationNo }),
    });
    expect(app.submittedAt).not.toBeNull();
    expect(app.consentedAt).not.toBeNull();
    expect(app.declaredTrueAt).not.toBeNull();
    const applicant = app.members.find((m) => m.relationship === "APPLICANT")!;
    const spouse = app.members.find((m) => m.relationship === "SPOUSE")!;
    expect(applicant).toMatchObject({ sex: "M", maritalStatus: "MARRIED", annualIncomeFen: 4_800_000 });
    expect(fromDateColumn(applicant.birthDate)).toBe(APPLICANT_BIRTH_DATE);
    expect(spouse.sex).toBe("F");
    expect(app.declaration).toMatchObject({ employment: "LABOR_CONTRACT", workDistrictCode: YUZHONG, ownsUrbanHousingInCity: false, housingFloorAreaDm2: 0 });
    expect(app.estatePreferences.map((p) => [p.rank, p.estate.code])).toEqual([[1, "YZ-001"]]);
    // History is complete: created as a draft, then submitted, both by the system.
    expect(app.statusEvents.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, "DRAFT", null],
      ["DRAFT", "SUBMITTED", null],
    ]);
    const audit = await prisma.auditLog.findMany({ where: { entityId: app.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["application.draft_created", "application.submitted"]);
    // Nothing sensitive in the audit data.
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(/\d{17}[\dX]|4800000/);
    // The applicant is told by SMS (no portal account yet), with the number only.
    const notices = await prisma.notification.findMany({ where: { applicationId: app.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: "SMS", recipientPhone: "13800138000", templateKey: "applications.submitted", params: { applicationNo: result.applicationNo } });
  });

  it("numbers each district office's applications in its own sequence", async () => {
    const a = await intake(validBody());
    const b = await intake(validBody());
    const c = await intake(
      validBody({
        districtCode: SHAPINGBA,
        estateLevel: "DISTRICT",
        applicant: { ...(validBody().applicant as object), residentId: freshResidentId(), workDistrictCode: SHAPINGBA },
        preferences: { estateCodes: ["SPB-002"], unitType: "STUDIO" },
      }),
    );
    expect([a.applicationNo, b.applicationNo, c.applicationNo]).toEqual([
      `GZF-${YUZHONG}-${year}-000001`,
      `GZF-${YUZHONG}-${year}-000002`,
      `GZF-${SHAPINGBA}-${year}-000001`,
    ]);
  });

  it("stores a failing pre-check and still submits: officers decide (Art. 19)", async () => {
    const body = withValue(validBody(), "applicant.annualIncomeFen", 20_000_000);
    const result = await intake(body);
    expect(result.status).toBe("SUBMITTED");
    expect(result.eligibility.eligible).toBe(false);
    expect(result.eligibility.reasons.map((r) => [r.code, r.article])).toEqual([["INCOME_ABOVE_LIMIT", "13.4"]]);
    const app = await prisma.application.findUniqueOrThrow({ where: { id: result.applicationId } });
    expect(app.precheckEligible).toBe(false);
    expect((app.precheck as { reasons: { code: string }[] }).reasons[0]!.code).toBe("INCOME_ABOVE_LIMIT");
  });

  it("takes bans from the Ban table for any member (Art. 40)", async () => {
    const body = validBody();
    const spouseId = (body.members as { residentId: string }[])[0]!.residentId;
    await prisma.ban.create({ data: { residentId: spouseId, bannedFrom: new Date("2024-01-01"), bannedUntil: new Date("2029-01-01"), reason: "违反第三十一条" } });
    const result = await intake(body);
    expect(result.eligibility.reasons.map((r) => r.code)).toContain("BANNED");
  });

  it("records the priority flag and Art. 14 households' certification", async () => {
    const result = await intake(withValue(validBody(), "priorityCategories", ["MINIMUM_LIVING", "MINIMUM_LIVING"]));
    const app = await prisma.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { declaration: true } });
    expect(app.isPriority).toBe(true);
    expect(app.declaration?.priorityCategories).toEqual(["MINIMUM_LIVING"]);
  });
});

// 30 February: no such date, though the check character is right for the 17 digits.
const impossibleBirthDate17 = `${YUZHONG}19900230002`;
const impossibleBirthDateId = impossibleBirthDate17 + residentIdCheckChar(impossibleBirthDate17);

describe("submitApplication: every validation failure is refused with its path, and nothing is stored", () => {
  const applicant = (patch: Record<string, unknown>) => (b: Record<string, unknown>) => ({ ...b, applicant: { ...(b.applicant as object), ...patch } });
  const cases: Array<[string, (b: Record<string, unknown>) => Record<string, unknown>, string, string]> = [
    ["a resident ID with a wrong checksum", (b) => withValue(b, "applicant.residentId", "500106199001011234"), "applicant.residentId", "residentIdInvalid"],
    ["an impossible birth date in the ID", (b) => withValue(b, "members.0.residentId", impossibleBirthDateId), "members.0.residentId", "residentIdInvalid"],
    ["the same person twice", (b) => withValue(b, "members.0.residentId", (b.applicant as { residentId: string }).residentId), "members.0.residentId", "duplicateResidentId"],
    ["a second applicant among the members", (b) => withValue(b, "members.0.relationship", "APPLICANT"), "members.0.relationship", "applicantInMembers"],
    [
      "two spouses",
      (b) => ({ ...b, members: [...(b.members as object[]), { name: "王五", residentId: freshResidentId({ sex: "F" }), relationship: "SPOUSE", fullCivilCapacity: true, annualIncomeFen: 0 }] }),
      "members.1.relationship",
      "moreThanOneSpouse",
    ],
    ["a spouse of an unmarried applicant", applicant({ maritalStatus: "UNMARRIED" }), "applicant.maritalStatus", "spouseRequiresMarried"],
    ["an unknown marital status", applicant({ maritalStatus: "COMPLICATED" }), "applicant.maritalStatus", "maritalStatusRequired"],
    ["civil capacity as a string", applicant({ fullCivilCapacity: "yes" }), "applicant.fullCivilCapacity", "booleanRequired"],
    ["an income with a fraction of a fen", applicant({ annualIncomeFen: 100.5 }), "applicant.annualIncomeFen", "incomeInvalid"],
    ["a negative income", (b) => withValue(b, "members.0.annualIncomeFen", -1), "members.0.annualIncomeFen", "incomeInvalid"],
    ["an income beyond any plausible figure", applicant({ annualIncomeFen: 9_000_000_000 }), "applicant.annualIncomeFen", "incomeTooLarge"],
    ["a labour contract without an employer", applicant({ employerName: "" }), "applicant.employerName", "employerRequired"],
    ["work without a work district", applicant({ workDistrictCode: null }), "applicant.workDistrictCode", "workDistrictRequired"],
    ["an unknown employment basis", applicant({ employment: "FREELANCE" }), "applicant.employment", "employmentRequired"],
    ["an unknown receiving district", (b) => ({ ...b, districtCode: "500199" }), "districtCode", "districtUnknown"],
    ["an unknown work district", applicant({ workDistrictCode: "110101" }), "applicant.workDistrictCode", "workDistrictUnknown"],
    ["municipal estates through a non-central office (Art. 15)", (b) => ({ ...b, districtCode: WANZHOU }), "estateLevel", "municipalNeedsCentralOffice"],
    ["municipal estates for work outside the centre (Art. 15)", applicant({ workDistrictCode: WANZHOU }), "applicant.workDistrictCode", "municipalNeedsCentralWork"],
    [
      "district estates where the applicant does not work (Art. 15)",
      (b) => ({ ...b, districtCode: SHAPINGBA, estateLevel: "DISTRICT", preferences: { estateCodes: ["SPB-002"], unitType: "ONE_BEDROOM" } }),
      "applicant.workDistrictCode",
      "districtLevelWorkMismatch",
    ],
    ["an unknown estate", (b) => withValue(b, "preferences.estateCodes", ["NOPE-1"]), "preferences.estateCodes.0", "estateUnknown"],
    ["an inactive estate", (b) => withValue(b, "preferences.estateCodes", ["YZ-001", "YZ-OLD"]), "preferences.estateCodes.1", "estateUnknown"],
    ["an estate of the other level", (b) => withValue(b, "preferences.estateCodes", ["SPB-002"]), "preferences.estateCodes.0", "estateWrongLevel"],
    [
      "a district estate of another district",
      (b) => ({ ...b, estateLevel: "DISTRICT", preferences: { estateCodes: ["SPB-002"], unitType: "ONE_BEDROOM" } }),
      "preferences.estateCodes.0",
      "estateOutOfScope",
    ],
    [
      "an estate without units of the chosen type",
      (b) => ({
        ...b,
        districtCode: SHAPINGBA,
        estateLevel: "DISTRICT",
        applicant: { ...(b.applicant as object), workDistrictCode: SHAPINGBA },
        preferences: { estateCodes: ["SPB-003"], unitType: "ONE_BEDROOM" },
      }),
      "preferences.estateCodes.0",
      "estateNoUnitType",
    ],
    ["the same estate twice", (b) => withValue(b, "preferences.estateCodes", ["YZ-001", "YZ-001"]), "preferences.estateCodes.1", "estateDuplicate"],
    ["no estate", (b) => withValue(b, "preferences.estateCodes", []), "preferences.estateCodes", "estatesRequired"],
    ["a unit type too large for two people (Art. 21)", (b) => withValue(b, "preferences.unitType", "TWO_BEDROOM"), "preferences.unitType", "unitTypeTooLarge"],
    ["a floor area without housing", (b) => withValue(b, "housing.housingFloorAreaM2", 30), "housing.housingFloorAreaM2", "areaWithoutHousing"],
    ["housing without a floor area", (b) => withValue(b, "housing.ownsUrbanHousingInCity", true), "housing.housingFloorAreaM2", "areaRequired"],
    ["a floor area with three decimals", (b) => withValue(withValue(b, "housing.ownsUrbanHousingInCity", true), "housing.housingFloorAreaM2", 30.125), "housing.housingFloorAreaM2", "areaInvalid"],
    ["a transfer date in the future", (b) => withValue(b, "housing.lastHousingTransferDate", "2099-01-01"), "housing.lastHousingTransferDate", "transferDateFuture"],
    ["a transfer date that is no date", (b) => withValue(b, "housing.lastHousingTransferDate", "2023-02-30"), "housing.lastHousingTransferDate", "transferDateInvalid"],
    ["no consent to verification (Art. 16)", (b) => ({ ...b, consentToVerification: false }), "consentToVerification", "consentRequired"],
    ["no truthfulness declaration (Art. 16)", (b) => withValue(b, "declarationTrue", undefined), "declarationTrue", "declarationRequired"],
    ["an unknown priority category", (b) => ({ ...b, priorityCategories: ["VIP"] }), "priorityCategories.0", "priorityInvalid"],
    ["a name with a NUL character", applicant({ name: "张\u0000三" }), "applicant.name", "textInvalid"],
    ["an empty name", (b) => withValue(b, "members.0.name", "  "), "members.0.name", "nameRequired"],
    ["no housing object", (b) => withValue(b, "housing", undefined), "housing", "objectRequired"],
  ];

  for (const [what, mutate, path, key] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await expectAppError(intake(mutate(validBody())));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.[path], JSON.stringify(error.fieldErrors)).toContain(`applications.validation.${key}`);
      expect(await counts()).toEqual({ ...EMPTY });
    });
  }

  it("reports every issue at once", async () => {
    const body = withValue(withValue(validBody(), "preferences.unitType", "THREE_BEDROOM"), "consentToVerification", false);
    const error = await expectAppError(intake(body));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["consentToVerification", "preferences.unitType"]);
  });
});

describe("submitApplication: Art. 15 and Art. 21 accepted cases", () => {
  it("accepts district estates in the district where the applicant works", async () => {
    const body = {
      ...validBody(),
      districtCode: SHAPINGBA,
      estateLevel: "DISTRICT",
      preferences: { estateCodes: ["SPB-002"], unitType: "STUDIO" },
    };
    const result = await intake(withValue(body, "applicant.workDistrictCode", SHAPINGBA));
    expect(result.status).toBe("SUBMITTED");
  });

  it("accepts municipal estates anywhere central for an applicant working in the centre", async () => {
    const body = withValue(validBody(), "preferences.estateCodes", ["SPB-001", "YZ-001"]);
    const result = await intake(withValue(body, "applicant.workDistrictCode", SHAPINGBA));
    const prefs = await prisma.applicationEstatePreference.findMany({ where: { applicationId: result.applicationId }, include: { estate: true }, orderBy: { rank: "asc" } });
    expect(prefs.map((p) => p.estate.code)).toEqual(["SPB-001", "YZ-001"]);
  });

  it("accepts an applicant without work for district estates, and the pre-check names Art. 13.3", async () => {
    let body: Record<string, unknown> = { ...validBody(), districtCode: WANZHOU, estateLevel: "DISTRICT", preferences: { estateCodes: ["WZ-001"], unitType: "ONE_BEDROOM" } };
    body = withValue(withValue(withValue(body, "applicant.employment", "NONE"), "applicant.workDistrictCode", null), "applicant.employerName", null);
    const result = await intake(body);
    expect(result.eligibility.reasons.map((r) => r.code)).toEqual(["NO_STABLE_EMPLOYMENT"]);
  });

  it("lets a mother and son take a two-bedroom unit (Art. 21 counts them as three)", async () => {
    const mother = freshResidentId({ sex: "F", birthDate: "1985-01-01" });
    const son = freshResidentId({ birthDate: "2012-01-01" });
    const body = {
      ...validBody(),
      applicant: { ...(validBody().applicant as object), residentId: mother, maritalStatus: "DIVORCED" },
      members: [{ name: "小明", residentId: son, relationship: "CHILD", fullCivilCapacity: false, annualIncomeFen: 0 }],
      preferences: { estateCodes: ["YZ-001"], unitType: "TWO_BEDROOM" },
    };
    expect((await intake(body)).status).toBe("SUBMITTED");
  });

  it("but a father and son only a one-bedroom", async () => {
    const body = {
      ...validBody(),
      applicant: { ...(validBody().applicant as object), maritalStatus: "DIVORCED" },
      members: [{ name: "小明", residentId: freshResidentId({ birthDate: "2012-01-01" }), relationship: "CHILD", fullCivilCapacity: false, annualIncomeFen: 0 }],
      preferences: { estateCodes: ["YZ-001"], unitType: "TWO_BEDROOM" },
    };
    const error = await expectAppError(intake(body));
    expect(error.fieldErrors?.["preferences.unitType"]).toEqual(["applications.validation.unitTypeTooLarge"]);
  });
});

describe("submitApplication: Art. 12, one application or lease per person", () => {
  it("refuses a member who is on another open application, naming the member", async () => {
    const first = validBody();
    await intake(first);
    const spouseId = (first.members as { residentId: string }[])[0]!.residentId;
    const second = withValue(validBody(), "members.0.residentId", spouseId);
    const error = await expectAppError(intake(second));
    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("applications.errors.alreadyHoused");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["members.0.residentId"]);
    expect(await prisma.application.count()).toBe(1);
  });

  it("refuses a member of a household with an occupying lease, even after the application is housed", async () => {
    const first = await intake(validBody());
    const applicantId = (await prisma.householdMember.findFirstOrThrow({ where: { applicationId: first.applicationId, relationship: "APPLICANT" } })).residentId;
    await prisma.application.update({ where: { id: first.applicationId }, data: { status: "HOUSED" } });
    const unit = await prisma.unit.findFirstOrThrow();
    await prisma.lease.create({
      data: { leaseNo: "L-1", applicationId: first.applicationId, unitId: unit.id, termMonths: 12, startDate: new Date("2025-01-01"), endDate: new Date("2025-12-31"), monthlyRentFen: 100000, status: "ACTIVE" },
    });
    const error = await expectAppError(intake(withValue(validBody(), "applicant.residentId", applicantId)));
    expect(error.messageKey).toBe("applications.errors.alreadyHoused");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["applicant.residentId"]);

    // Once the lease has ended, the household may apply again.
    await prisma.lease.updateMany({ data: { status: "ENDED" } });
    expect((await intake(withValue(validBody(), "applicant.residentId", applicantId))).status).toBe("SUBMITTED");
  });

  it("lets people on closed applications apply again", async () => {
    const first = validBody();
    const result = await intake(first);
    await prisma.application.update({ where: { id: result.applicationId }, data: { status: "REJECTED" } });
    const again = withValue(validBody(), "applicant.residentId", (first.applicant as { residentId: string }).residentId);
    expect((await intake(again)).status).toBe("SUBMITTED");
  });
});

describe("submitApplication: idempotency and all-or-nothing", () => {
  it("never stores one externalId twice", async () => {
    const body = validBody();
    await intake(body);
    const error = await expectAppError(intake(body));
    expect(error.messageKey).toBe("applications.errors.duplicateExternalId");
    expect(await prisma.application.count()).toBe(1);
  });

  it("rolls everything back when any write fails (here: the number is taken)", async () => {
    // An application already holds the number the counter will hand out next: the late write fails.
    const first = await intake(validBody());
    await prisma.sequenceCounter.update({ where: { key: `application:${YUZHONG}:${year}` }, data: { value: 0 } });
    const before = await counts();
    const body = validBody();
    await expect(intake(body)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await prisma.application.findUnique({ where: { externalId: String(body.externalId) } })).toBeNull();
    expect((await prisma.sequenceCounter.findFirstOrThrow()).value).toBe(0);
    expect(first.applicationNo).toMatch(/000001$/);
  });

  it("moves only through the state machine: the submitted application goes on to acceptance", async () => {
    const result = await intake(validBody());
    await prisma.$transaction((tx) =>
      transitionApplication(tx, { applicationId: result.applicationId, to: "ACCEPTED", actor: { id: world.users.yuzhongOfficer.id, role: "DISTRICT_OFFICER" } }),
    );
    expect((await prisma.application.findUniqueOrThrow({ where: { id: result.applicationId } })).status).toBe("ACCEPTED");
  });
});
