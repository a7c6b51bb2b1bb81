// The security suite on PostgreSQL (production hardening): attacks on sign-in, activation codes
// and the Art. 12 check, replayed with concurrent requests, each shown to fail. The attacks on the
// running portal (sessions, intake signatures) are in tests/security/attacks.spec.ts.
import { rm } from "node:fs/promises";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/counted-password")).countedPasswordModule(importOriginal));

import { reviewDraft, saveHouseholdStep, saveHousingStep, saveWhereStep, saveWorkStep, submitDraft } from "@/lib/applications/drafts";
import { householdStepSchema, housingStepSchema, whereStepSchema, workStepSchema } from "@/lib/applications/schemas";
import { submitApplication } from "@/lib/applications/submit-application";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { passwordChecks as checks } from "../support/counted-password";
import type { Actor } from "@/lib/auth/permissions";
import { uploadApplicationDocument } from "@/lib/documents/service";
import { YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { seedWorld, validBody } from "../integration/applications.fixtures";
import { prisma, truncateAll } from "../integration/db";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/anju-security-test-uploads-${process.pid}`;
});

const PHONE = "13800007777";
const PASSWORD = "Right-pass-2026";

beforeEach(async () => {
  await truncateAll();
  checks.count = 0;
});

afterAll(async () => {
  await rm(process.env.UPLOAD_DIR!, { recursive: true, force: true });
});

describe("parallel sign-ins", () => {
  it("40 guesses at once from 40 addresses check at most five passwords, and then not even the right one", async () => {
    await prisma.user.create({ data: { phone: PHONE, name: "目标", role: "APPLICANT", passwordHash: await hashPassword(PASSWORD) } });
    checks.count = 0;
    const guesses = Array.from({ length: 40 }, (_, i) =>
      authenticate({ account: { kind: "phone", value: PHONE }, password: `guess-${i}-abc`, ip: `203.0.113.${i + 1}` }),
    );
    const results = await Promise.all(guesses);
    // Counted at all (the mock is in place), and never past the limit.
    expect(checks.count).toBeGreaterThan(0);
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await authenticate({ account: { kind: "phone", value: PHONE }, password: PASSWORD, ip: "203.0.113.200" })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("one address guessing across 60 accounts is stopped by the address limit", async () => {
    checks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => authenticate({ account: { kind: "phone", value: `1390000${String(i).padStart(4, "0")}` }, password: "Password123", ip: "198.51.100.9" })),
    );
    // Counted at all (the mock is in place), and never past the limit.
    expect(checks.count).toBeGreaterThan(0);
    expect(checks.count).toBeLessThanOrEqual(30);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(30);
  });
});

describe("the Art. 12 oracle", () => {
  const household = (spouseId: string) =>
    householdStepSchema.parse({
      applicant: { name: "好奇者", residentId: freshResidentId(), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeYuan: "40000" },
      members: [{ name: "陌生人", residentId: spouseId, relationship: "SPOUSE", maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeYuan: "0" }],
    });

  async function draftNaming(actor: Actor, spouseId: string) {
    await saveHouseholdStep(actor, household(spouseId));
    await saveWorkStep(actor, workStepSchema.parse({ employment: "LABOR_CONTRACT", employerName: "重庆某公司", workDistrictCode: YUZHONG }));
    await saveHousingStep(
      actor,
      housingStepSchema.parse({ ownsUrbanHousingInCity: false, housingFloorAreaM2: "", lastHousingTransferDate: null, familyCanSupportHousing: false, priorityCategories: [], receivesRentalSubsidy: false }),
    );
    await saveWhereStep(actor, whereStepSchema.parse({ districtCode: YUZHONG, estateLevel: "MUNICIPAL", estateCodes: ["YZ-001"], unitType: "ONE_BEDROOM" }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    for (const kind of ["ID_CARD", "HOUSEHOLD_REGISTER", "MARITAL_STATUS", "LABOR_CONTRACT"] as const) {
      await uploadApplicationDocument(actor, { kind, fileName: `${kind}.png`, bytes: png });
    }
  }

  it("answers a housed stranger's ID exactly as an unknown one at the household and review steps; the submission says only 'could not be verified'", async () => {
    const world = await seedWorld();
    const housed = validBody();
    await submitApplication({ kind: "intake", externalId: String(housed.externalId), input: housed });
    const strangersId = (housed.members as { residentId: string }[])[0]!.residentId;

    // Applicant A names the housed stranger, applicant B an ID nobody holds.
    await draftNaming(world.users.applicantA, strangersId);
    await draftNaming(world.users.applicantB, freshResidentId({ sex: "F" }));
    const reviewA = await reviewDraft(world.users.applicantA, "zh-CN");
    const reviewB = await reviewDraft(world.users.applicantB, "zh-CN");
    expect(reviewA?.issues).toEqual(reviewB?.issues);
    expect(Object.keys(reviewA ?? {}).sort()).toEqual(Object.keys(reviewB ?? {}).sort());

    const refused = await submitDraft(world.users.applicantA, { consentToVerification: true, declarationTrue: true }).catch((e: unknown) => e as { messageKey?: string; fieldErrors?: unknown });
    expect(refused).toMatchObject({ messageKey: "applications.errors.householdUnverified" });
    expect(JSON.stringify(refused)).not.toContain("members.0");
    expect(JSON.stringify(refused)).not.toContain("alreadyHoused");
    await expect(submitDraft(world.users.applicantB, { consentToVerification: true, declarationTrue: true })).resolves.toMatchObject({ applicationNo: expect.any(String) });
  });

  it("cannot be asked more than ten times a day, even all at once", async () => {
    const world = await seedWorld();
    const housed = validBody();
    await submitApplication({ kind: "intake", externalId: String(housed.externalId), input: housed });
    await draftNaming(world.users.applicantA, (housed.members as { residentId: string }[])[0]!.residentId);
    const answers = await Promise.allSettled(Array.from({ length: 25 }, () => submitDraft(world.users.applicantA, { consentToVerification: true, declarationTrue: true })));
    const asked = answers.filter((a) => a.status === "rejected" && (a.reason as { messageKey?: string }).messageKey === "applications.errors.householdUnverified");
    expect(asked.length).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === "rejected" && (a.reason as { code?: string }).code === "RATE_LIMITED")).toHaveLength(15);
  });
});
