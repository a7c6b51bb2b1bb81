// The portal's application form against the real database: a draft saved at every step, Art. 12 at
// submission only (decision 036), documents on disk behind an access check, the final submission through the one
// submission service, resubmission after a return, and the permission matrix of every action.
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/anju-portal-test-uploads-${process.pid}`;
});

import { listArt12Conflicts } from "@/lib/applications/art12-conflicts";
import { maskResidentId } from "@/lib/rules/identity";
import { getDraftView, reviewDraft, saveHouseholdStep, saveHousingStep, saveWhereStep, saveWorkStep, submitDraft } from "@/lib/applications/drafts";
import { getMyApplicationStatus, markNotificationsRead } from "@/lib/applications/queries";
import { householdStepSchema, housingStepSchema, whereStepSchema, workStepSchema } from "@/lib/applications/schemas";
import { submitApplication } from "@/lib/applications/submit-application";
import { transitionApplication } from "@/lib/applications/transitions";
import type { Actor } from "@/lib/auth/permissions";
import { deleteApplicationDocument, openApplicationDocument, uploadApplicationDocument } from "@/lib/documents/service";
import { sha256Hex, uploadRoot } from "@/lib/documents/storage";
import { expectAppError } from "../support/app-errors";
import { WANZHOU, YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { seedWorld, validBody, type World } from "./applications.fixtures";
import { prisma, truncateAll } from "./db";

let world: World;
let A: Actor;
let B: Actor;

beforeEach(async () => {
  await truncateAll();
  world = await seedWorld();
  A = world.users.applicantA;
  B = world.users.applicantB;
});

afterAll(async () => {
  await rm(uploadRoot(), { recursive: true, force: true });
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

function household(applicantId = freshResidentId(), spouseId: string | null = freshResidentId({ sex: "F" })) {
  return householdStepSchema.parse({
    applicant: { name: "张伟", residentId: applicantId, maritalStatus: spouseId ? "MARRIED" : "UNMARRIED", fullCivilCapacity: true, annualIncomeYuan: "48000.50" },
    members: spouseId ? [{ name: "林晓", residentId: spouseId, relationship: "SPOUSE", maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeYuan: "30000" }] : [],
  });
}

const work = (over: Record<string, unknown> = {}) =>
  workStepSchema.parse({ employment: "LABOR_CONTRACT", employerName: "重庆某物流有限公司", workDistrictCode: YUZHONG, ...over });
const housing = (over: Record<string, unknown> = {}) =>
  housingStepSchema.parse({ ownsUrbanHousingInCity: false, housingFloorAreaM2: "", lastHousingTransferDate: null, familyCanSupportHousing: false, priorityCategories: [], receivesRentalSubsidy: false, ...over });
const where = (over: Record<string, unknown> = {}) =>
  whereStepSchema.parse({ districtCode: YUZHONG, estateLevel: "MUNICIPAL", estateCodes: ["YZ-001", "SPB-001"], unitType: "ONE_BEDROOM", ...over });

async function uploadAll(actor: Actor) {
  return [
    await uploadApplicationDocument(actor, { kind: "ID_CARD", fileName: "身份证.png", bytes: PNG }),
    await uploadApplicationDocument(actor, { kind: "HOUSEHOLD_REGISTER", fileName: "户口簿.pdf", bytes: PDF }),
    await uploadApplicationDocument(actor, { kind: "MARITAL_STATUS", fileName: "结婚证.jpg", bytes: JPG }),
    await uploadApplicationDocument(actor, { kind: "LABOR_CONTRACT", fileName: "劳动合同.pdf", bytes: PDF }),
  ];
}

/** A's complete draft, ready to submit. */
async function completeDraft(actor: Actor = A) {
  await saveHouseholdStep(actor, household());
  await saveWorkStep(actor, work());
  await saveHousingStep(actor, housing());
  await saveWhereStep(actor, where());
  return uploadAll(actor);
}

describe("the form, saved as a draft at every step", () => {
  it("starts a draft at step 1, resumes at the first unsaved step, and keeps one draft per applicant", async () => {
    expect(await getDraftView(A)).toBeNull();
    const { applicationId } = await saveHouseholdStep(A, household());
    let view = (await getDraftView(A))!;
    expect(view).toMatchObject({ applicationId, status: "DRAFT", applicationNo: null, savedSteps: ["household"], nextStep: "work", allowedUnitTypes: ["STUDIO", "ONE_BEDROOM"] });
    const members = await prisma.householdMember.findMany({ where: { applicationId }, orderBy: { id: "asc" } });
    expect(members.map((m) => [m.relationship, m.sex, m.annualIncomeFen])).toEqual([
      ["APPLICANT", "M", 4_800_050],
      ["SPOUSE", "F", 3_000_000],
    ]);
    const app = await prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app).toMatchObject({ status: "DRAFT", source: "PORTAL", applicantUserId: A.id, contactPhone: "13800000101" });
    expect(app.applicationNo).toMatch(/^DRAFT-/);

    // Saving step 1 again edits the same draft.
    const again = await saveHouseholdStep(A, household(freshResidentId(), null));
    expect(again.applicationId).toBe(applicationId);
    expect(await prisma.application.count()).toBe(1);
    expect(await prisma.householdMember.count({ where: { applicationId } })).toBe(1);

    await saveWorkStep(A, work());
    await saveHousingStep(A, housing());
    view = (await getDraftView(A))!;
    expect(view.savedSteps).toEqual(["household", "work", "housing"]);
    expect(view.nextStep).toBe("where");
    const audit = await prisma.auditLog.findMany({ where: { entityId: applicationId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, (a.data as { step?: string } | null)?.step ?? null])).toEqual([
      ["application.draft_created", null],
      ["application.draft_saved", "household"],
      ["application.draft_saved", "household"],
      ["application.draft_saved", "work"],
      ["application.draft_saved", "housing"],
    ]);
  });

  it("keeps a floor area typed in m² as whole dm², through the draft and the submission", async () => {
    await saveHouseholdStep(A, household());
    await saveWorkStep(A, work());
    // 64.35 × 100 is 6434.999999999999 in binary floating point: the area stays 6435 dm² all the way.
    await saveHousingStep(A, housing({ ownsUrbanHousingInCity: true, housingFloorAreaM2: "６４．３５㎡" }));
    const area = async (where: { applicationId: string } | { application: { applicationNo: string } }) =>
      (await prisma.applicationDeclaration.findFirstOrThrow({ where, select: { housingFloorAreaDm2: true } })).housingFloorAreaDm2;
    const view = (await getDraftView(A))!;
    expect(await area({ applicationId: view.applicationId })).toBe(6_435);
    await saveWhereStep(A, where());
    await uploadAll(A);
    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect(await area({ application: { applicationNo } })).toBe(6_435);
  });

  it("asks 'migrant worker' once, as the employment basis (Art. 13.3), and stores the flag from it", async () => {
    const { applicationId } = await saveHouseholdStep(A, household());
    const flag = async () => (await prisma.applicationDeclaration.findUniqueOrThrow({ where: { applicationId } })).isMigrantWorker;
    // A stale checkbox value from an old form is not an answer: the basis decides.
    await saveWorkStep(A, work({ employment: "MIGRANT_SOCIAL_INSURANCE", employerName: "", isMigrantWorker: false }));
    expect(await flag()).toBe(true);
    await saveWorkStep(A, work({ isMigrantWorker: true }));
    expect(await flag()).toBe(false);
    await saveWorkStep(A, work({ employment: "MIGRANT_SOCIAL_INSURANCE", employerName: "" }));
    await saveHousingStep(A, housing());
    await saveWhereStep(A, where());
    await uploadAll(A);
    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    const submitted = await prisma.application.findUniqueOrThrow({ where: { applicationNo }, select: { declaration: { select: { employment: true, isMigrantWorker: true } } } });
    expect(submitted.declaration).toEqual({ employment: "MIGRANT_SOCIAL_INSURANCE", isMigrantWorker: true });
  });

  it("keeps the intake API's isMigrantWorker field, and a migrant basis always sets it", async () => {
    const body = validBody();
    const applicant = body.applicant as Record<string, unknown>;
    applicant.employment = "MIGRANT_SOCIAL_INSURANCE";
    delete applicant.isMigrantWorker;
    const { applicationNo } = await submitApplication({ kind: "intake", externalId: String(body.externalId), input: body });
    const stored = await prisma.application.findUniqueOrThrow({ where: { applicationNo }, select: { declaration: { select: { isMigrantWorker: true } } } });
    expect(stored.declaration?.isMigrantWorker).toBe(true);
  });

  it("keeps the steps in order", async () => {
    expect((await expectAppError(saveWorkStep(A, work()))).messageKey).toBe("applications.errors.noDraft");
    await saveHouseholdStep(A, household());
    expect((await expectAppError(saveHousingStep(A, housing()))).messageKey).toBe("applications.errors.completeStepFirst.work");
    expect((await expectAppError(saveWhereStep(A, where()))).messageKey).toBe("applications.errors.completeStepFirst.work");
  });

  it("does not say at the member step or the review step whether a person is on another application; the submission refuses in neutral words and the district's officers see the conflict (Art. 12, decision 036)", async () => {
    const other = validBody();
    const { applicationNo: otherNo } = await submitApplication({ kind: "intake", externalId: String(other.externalId), input: other });
    const taken = (other.members as { residentId: string }[])[0]!.residentId;
    // The household step saves, and neither it nor the review step names the person.
    await saveHouseholdStep(A, household(freshResidentId(), taken));
    await saveWorkStep(A, work());
    await saveHousingStep(A, housing());
    await saveWhereStep(A, where());
    await uploadAll(A);
    const review = await reviewDraft(A, "zh-CN");
    expect(JSON.stringify(review)).not.toContain("alreadyHoused");
    expect(review?.issues).toEqual([]);

    const error = await expectAppError(submitDraft(A, { consentToVerification: true, declarationTrue: true }));
    expect(error.code).toBe("CONFLICT");
    expect(error.messageKey).toBe("applications.errors.householdUnverified");
    expect(error.fieldErrors ?? {}).toEqual({});
    expect(await prisma.householdMember.count({ where: { residentId: taken, application: { status: "SUBMITTED" } } })).toBe(1);

    // The officers of the draft's district see who and what claims them, the number masked.
    const { items } = await listArt12Conflicts(world.users.yuzhongOfficer, 1);
    expect(items).toHaveLength(1);
    expect(items[0]!.applicantName).toBe("张伟");
    expect(items[0]!.members).toEqual([
      { path: "members.0.residentId", name: "林晓", maskedResidentId: maskResidentId(taken), claimedBy: [{ kind: "application", number: otherNo }] },
    ]);
    expect(JSON.stringify(await prisma.art12Conflict.findMany())).not.toContain(taken);
    expect((await listArt12Conflicts(world.users.shapingbaOfficer, 1)).total).toBe(0);
    expect((await listArt12Conflicts(world.users.cityOfficer, 1)).total).toBe(1);
    expect((await expectAppError(listArt12Conflicts(A, 1))).code).toBe("FORBIDDEN");
  });

  it("counts an applicant's submissions before checking them: ten a day", async () => {
    await completeDraft();
    const at = new Date("2026-12-01T02:00:00Z");
    const refused = await Promise.allSettled(
      Array.from({ length: 14 }, () => submitDraft(A, { consentToVerification: false, declarationTrue: true }, { now: at })),
    );
    const limited = refused.filter((r) => r.status === "rejected" && (r.reason as { messageKey?: string }).messageKey === "applications.errors.tooManySubmissions");
    expect(limited).toHaveLength(4);
    expect((await expectAppError(submitDraft(A, { consentToVerification: true, declarationTrue: true }, { now: at }))).code).toBe("RATE_LIMITED");
    // A day later the applicant submits.
    await submitDraft(A, { consentToVerification: true, declarationTrue: true }, { now: new Date(at.getTime() + 24 * 3_600_000 + 1) });
  });

  it("checks Art. 15 and Art. 21 at step 4", async () => {
    await saveHouseholdStep(A, household());
    await saveWorkStep(A, work({ workDistrictCode: WANZHOU }));
    let error = await expectAppError(saveWhereStep(A, where()));
    expect(error.fieldErrors?.estateLevel).toContain("applications.validation.municipalNeedsCentralWork");
    await saveWorkStep(A, work());
    error = await expectAppError(saveWhereStep(A, where({ unitType: "THREE_BEDROOM" })));
    expect(error.fieldErrors?.unitType).toEqual(["applications.validation.unitTypeTooLarge"]);
    error = await expectAppError(saveWhereStep(A, where({ estateCodes: ["SPB-002"] })));
    expect(error.fieldErrors?.["estateCodes.0"]).toEqual(["applications.validation.estateWrongLevel"]);
    await saveWhereStep(A, where());
    // A smaller household can no longer take the unit type chosen: it is asked again.
    await saveHouseholdStep(A, household(freshResidentId(), null));
    expect((await prisma.application.findFirstOrThrow()).preferredUnitType).toBeNull();
  });

  it("refuses a transfer date in the future at step 3", async () => {
    await saveHouseholdStep(A, household());
    await saveWorkStep(A, work());
    const error = await expectAppError(saveHousingStep(A, housing({ lastHousingTransferDate: "2099-01-01" })));
    expect(error.fieldErrors?.lastHousingTransferDate).toEqual(["applications.validation.transferDateFuture"]);
  });

  it("lets nobody start a second application while one is under way", async () => {
    await completeDraft();
    await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    const error = await expectAppError(saveHouseholdStep(A, household()));
    expect(error.messageKey).toBe("applications.errors.alreadyApplied");
  });
});

describe("documents (Art. 16)", () => {
  it("stores PDF, JPG and PNG by content with their SHA-256, outside public/, and serves them back", async () => {
    await saveHouseholdStep(A, household());
    const doc = await uploadApplicationDocument(A, { kind: "ID_CARD", fileName: "C:\\fakepath\\身份证.png", bytes: PNG });
    expect(doc).toMatchObject({ kind: "ID_CARD", fileName: "身份证.png", mimeType: "image/png", sizeBytes: PNG.byteLength, sha256: sha256Hex(PNG) });
    const row = await prisma.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{40}$/);
    const onDisk = path.join(uploadRoot(), row.storageKey);
    expect(uploadRoot()).not.toContain(`${path.sep}public`);
    // Encrypted at rest (decision 037): the disk holds no byte run of the image.
    const stored = await readFile(onDisk);
    expect(stored.subarray(0, 4).toString("latin1")).toBe("ANJE");
    expect(stored.includes(Buffer.from(PNG.subarray(0, 8)))).toBe(false);
    const download = await openApplicationDocument(A, doc.id);
    expect(download).toMatchObject({ fileName: "身份证.png", mimeType: "image/png" });
    expect(new Uint8Array(download.bytes)).toEqual(PNG);

    await deleteApplicationDocument(A, doc.id);
    expect(existsSync(onDisk)).toBe(false);
    expect(await prisma.document.count()).toBe(0);
  });

  it("refuses other types whatever their names, empty and oversized files, and unknown kinds", async () => {
    await saveHouseholdStep(A, household());
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: "ID_CARD", fileName: "id.png", bytes: new TextEncoder().encode("<svg onload=alert(1)>") }, "typeInvalid"],
      [{ kind: "ID_CARD", fileName: "id.pdf", bytes: PNG }, "typeInvalid"],
      [{ kind: "ID_CARD", fileName: "id.exe", bytes: PDF }, "typeInvalid"],
      [{ kind: "ID_CARD", fileName: "id.pdf", bytes: new Uint8Array(0) }, "empty"],
      [{ kind: "ID_CARD", fileName: "id.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25) }, "tooLarge"],
      [{ kind: "LEASE_CONTRACT", fileName: "id.pdf", bytes: PDF }, "kindInvalid"],
      [{ kind: 42, fileName: "id.pdf", bytes: PDF }, "kindInvalid"],
    ];
    for (const [input, key] of cases) {
      const error = await expectAppError(uploadApplicationDocument(A, input as never));
      expect(error.messageKey).toBe(`applications.documents.errors.${key}`);
    }
    expect(await prisma.document.count()).toBe(0);
  });

  it("needs an application in progress", async () => {
    expect((await expectAppError(uploadApplicationDocument(A, { kind: "ID_CARD", fileName: "a.pdf", bytes: PDF }))).messageKey).toBe("applications.errors.noDraft");
  });
});

describe("review and submission from the portal", () => {
  it("shows every missing piece and the pre-check, then submits through the one service", async () => {
    await saveHouseholdStep(A, household());
    await saveWorkStep(A, work());
    let review = (await reviewDraft(A, "zh-CN"))!;
    expect(review.issues.map((i) => [i.step, i.message])).toEqual([
      ["housing", "applications.validation.stepIncomplete"],
      ["where", "applications.validation.stepIncomplete"],
      ["documents", "applications.validation.documentsMissing"],
    ]);
    expect(review.eligibility).toBeNull();

    await saveHousingStep(A, housing());
    await saveWhereStep(A, where());
    review = (await reviewDraft(A, "zh-CN"))!;
    expect(review.issues.map((i) => i.step)).toEqual(["documents"]);
    expect(review.eligibility?.eligible).toBe(true);

    let error = await expectAppError(submitDraft(A, { consentToVerification: true, declarationTrue: true }));
    expect(error.fieldErrors?.documents).toEqual(["applications.validation.documentsMissing"]);

    await uploadAll(A);
    review = (await reviewDraft(A, "en"))!;
    expect(review.issues).toEqual([]);

    error = await expectAppError(submitDraft(A, { consentToVerification: false, declarationTrue: true }));
    expect(error.fieldErrors?.consentToVerification).toEqual(["applications.validation.consentRequired"]);

    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect(applicationNo).toMatch(/^GZF-500103-\d{4}-000001$/);
    expect(await getDraftView(A)).toBeNull();
    const app = await prisma.application.findUniqueOrThrow({ where: { applicationNo }, include: { statusEvents: { orderBy: { id: "asc" } }, estatePreferences: { orderBy: { rank: "asc" }, include: { estate: true } } } });
    expect(app).toMatchObject({ status: "SUBMITTED", precheckEligible: true, preferredUnitType: "ONE_BEDROOM" });
    expect(app.statusEvents.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, "DRAFT", A.id],
      ["DRAFT", "SUBMITTED", A.id],
    ]);
    expect(app.estatePreferences.map((p) => p.estate.code)).toEqual(["YZ-001", "SPB-001"]);
    const notices = await prisma.notification.findMany({ where: { applicationId: app.id }, orderBy: { channel: "asc" } });
    expect(notices.map((n) => [n.channel, n.recipientUserId, n.recipientPhone, n.templateKey])).toEqual([
      ["IN_APP", A.id, null, "applications.submitted"],
      ["SMS", A.id, "13800000101", "applications.submitted"],
    ]);

    const status = (await getMyApplicationStatus(A, applicationNo))!;
    expect(status.record.statusEvents.map((e) => e.toStatus)).toEqual(["SUBMITTED"]);
    expect(status.precheck?.eligible).toBe(true);
    expect(status.notifications).toHaveLength(1);
    expect(await markNotificationsRead(A, { applicationNo })).toBe(1);
    expect((await getMyApplicationStatus(A, applicationNo))!.notifications[0]!.readAt).not.toBeNull();
  });

  it("submits a failing pre-check too, with the reasons explained by article", async () => {
    await saveHouseholdStep(A, householdStepSchema.parse({ applicant: { name: "张伟", residentId: freshResidentId(), maritalStatus: "UNMARRIED", fullCivilCapacity: true, annualIncomeYuan: "900000" }, members: [] }));
    await saveWorkStep(A, work());
    await saveHousingStep(A, housing({ familyCanSupportHousing: true }));
    await saveWhereStep(A, where({ unitType: "STUDIO" }));
    await uploadAll(A);
    const review = (await reviewDraft(A, "zh-CN"))!;
    expect(review.explained.map((r) => r.article)).toEqual(["13.4", "13.6"]);
    expect(review.explained[0]!.text).toContain("第十三条第四项");
    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect((await prisma.application.findUniqueOrThrow({ where: { applicationNo } })).precheckEligible).toBe(false);
  });

  it("does not submit while a member is banned (Art. 40), and says so at the review", async () => {
    const spouseId = freshResidentId({ sex: "F" });
    await prisma.ban.create({ data: { residentId: spouseId, bannedFrom: new Date("2025-01-10"), bannedUntil: new Date("2030-01-10"), reason: "违反第三十一条" } });
    await saveHouseholdStep(A, household(freshResidentId(), spouseId));
    await saveWorkStep(A, work());
    await saveHousingStep(A, housing());
    await saveWhereStep(A, where());
    await uploadAll(A);
    const review = (await reviewDraft(A, "zh-CN"))!;
    expect(review.issues.map((i) => [i.step, i.message])).toContainEqual(["household", "applications.validation.banned"]);
    expect(review.explained.map((r) => r.article)).toContain("40");
    const error = await expectAppError(submitDraft(A, { consentToVerification: true, declarationTrue: true }));
    expect(error.fieldErrors).toEqual({ members: ["applications.validation.banned"] });
    expect((await getDraftView(A))!.status).toBe("DRAFT");
    expect(await prisma.application.count({ where: { status: "SUBMITTED" } })).toBe(0);
  });

  it("lets a returned application be completed and resubmitted under the same number", async () => {
    await completeDraft();
    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    const app = await prisma.application.findUniqueOrThrow({ where: { applicationNo } });
    const officer = world.users.yuzhongOfficer;
    await prisma.$transaction((tx) => transitionApplication(tx, { applicationId: app.id, to: "RETURNED", actor: { id: officer.id, role: officer.role }, reason: { text: "请补充户口簿清晰件", key: "returned", params: { articles: ["16"] } } }));

    const view = (await getDraftView(A))!;
    expect(view).toMatchObject({ status: "RETURNED", applicationNo, returnReason: "请补充户口簿清晰件", nextStep: "review" });
    await uploadApplicationDocument(A, { kind: "HOUSEHOLD_REGISTER", fileName: "户口簿-清晰.pdf", bytes: PDF });
    const again = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect(again.applicationNo).toBe(applicationNo);
    const events = await prisma.applicationStatusEvent.findMany({ where: { applicationId: app.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED"]);
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "applications.resubmitted" } })).toBe(2);
  });
});

describe("permission matrix", () => {
  it("applicant B can neither read, edit, submit nor download applicant A's application", async () => {
    const [doc] = await completeDraft(A);
    const aDraft = (await getDraftView(A))!;
    // B sees no draft and its step saves cannot reach A's.
    expect(await getDraftView(B)).toBeNull();
    expect((await expectAppError(saveWorkStep(B, work()))).code).toBe("NOT_FOUND");
    expect((await expectAppError(submitDraft(B, { consentToVerification: true, declarationTrue: true }))).code).toBe("NOT_FOUND");
    // Even pointing the submission service at A's draft directly.
    const forged = await expectAppError(submitApplication({ kind: "portal", actor: B, applicationId: aDraft.applicationId, consentToVerification: true, declarationTrue: true }));
    expect(forged.code).toBe("FORBIDDEN");
    expect((await expectAppError(openApplicationDocument(B, doc!.id))).code).toBe("NOT_FOUND");
    expect((await expectAppError(deleteApplicationDocument(B, doc!.id))).code).toBe("NOT_FOUND");

    const { applicationNo } = await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect(await getMyApplicationStatus(B, applicationNo)).toBeNull();
    expect(await getMyApplicationStatus(A, applicationNo)).not.toBeNull();
    // B cannot mark A's notices read.
    const notice = await prisma.notification.findFirstOrThrow({ where: { recipientUserId: A.id, channel: "IN_APP" } });
    expect(await markNotificationsRead(B, { ids: [notice.id] })).toBe(0);
    expect(await markNotificationsRead(B, { applicationNo })).toBe(0);
  });

  it("officers read documents of their district's submitted applications only; municipal officers all; nobody a draft", async () => {
    const [doc] = await completeDraft(A);
    const { yuzhongOfficer, shapingbaOfficer, cityOfficer, admin } = world.users;
    // A draft is the applicant's alone.
    for (const actor of [yuzhongOfficer, cityOfficer]) expect((await expectAppError(openApplicationDocument(actor, doc!.id))).code).toBe("NOT_FOUND");

    await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect((await openApplicationDocument(yuzhongOfficer, doc!.id)).mimeType).toBe("image/png");
    expect((await openApplicationDocument(cityOfficer, doc!.id)).mimeType).toBe("image/png");
    expect((await expectAppError(openApplicationDocument(shapingbaOfficer, doc!.id))).code).toBe("NOT_FOUND");
    expect((await expectAppError(openApplicationDocument(admin, doc!.id))).code).toBe("NOT_FOUND");
    expect((await expectAppError(openApplicationDocument(yuzhongOfficer, "no-such-id"))).code).toBe("NOT_FOUND");
    // Staff downloads are audited.
    expect(await prisma.auditLog.count({ where: { action: "document.downloaded", actorId: { in: [yuzhongOfficer.id, cityOfficer.id] } } })).toBe(2);
    // Officers read on the staff side, not through the applicant's status page.
    expect(await getMyApplicationStatus(yuzhongOfficer, (await prisma.application.findFirstOrThrow()).applicationNo)).toBeNull();
  });

  it("only applicants upload, and nobody edits a submitted application", async () => {
    const [doc] = await completeDraft(A);
    for (const actor of [world.users.yuzhongOfficer, world.users.cityOfficer, world.users.admin]) {
      expect((await expectAppError(uploadApplicationDocument(actor, { kind: "ID_CARD", fileName: "a.pdf", bytes: PDF }))).code).toBe("FORBIDDEN");
      expect((await expectAppError(saveHouseholdStep(actor, household()))).code).toBe("FORBIDDEN");
    }
    await submitDraft(A, { consentToVerification: true, declarationTrue: true });
    expect((await expectAppError(deleteApplicationDocument(A, doc!.id))).code).toBe("CONFLICT");
    expect((await expectAppError(saveWorkStep(A, work()))).messageKey).toBe("applications.errors.noDraft");
  });
});
