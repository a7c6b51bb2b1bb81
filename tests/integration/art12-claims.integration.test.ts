// Art. 12: a person may be on only one application or lease at a time. The check is decided by
// the database (a transaction-scoped lock per resident ID, taken in sorted order before the
// check), so submissions racing each other cannot both pass. On PostgreSQL these requests really
// run at once; the embedded database runs them one after another and must agree.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/intake/applications/route";
import { submitDraft } from "@/lib/applications/drafts";
import { signIntakeRequest } from "@/lib/intake/signature";
import { freshResidentId } from "../support/resident-id";
import { seedWorld, validBody, type World } from "./applications.fixtures";
import { startPortalDraft } from "./portal-draft.fixtures";
import { prisma, TEST_INTAKE_SECRET, truncateAll } from "./db";

let world: World;

beforeEach(async () => {
  await truncateAll();
  world = await seedWorld();
});

function intakeRequest(body: Record<string, unknown>): Request {
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Request("http://localhost/api/v1/intake/applications", {
    method: "POST",
    body: text,
    headers: { "content-type": "application/json", "x-intake-timestamp": timestamp, "x-intake-signature": signIntakeRequest(TEST_INTAKE_SECRET, timestamp, text) },
  });
}

async function deliver(body: Record<string, unknown>): Promise<{ status: number; code?: unknown }> {
  const response = await POST(intakeRequest(body));
  const json = (await response.json()) as { code?: unknown };
  return { status: response.status, code: json.code };
}

describe("Art. 12 under concurrency", () => {
  it("50 intake submissions naming one person at once: exactly one succeeds, the rest get 409 ALREADY_HOUSED", async () => {
    const shared = freshResidentId({ sex: "F" });
    const bodies = Array.from({ length: 50 }, () => {
      const body = validBody();
      // Each is a different household (own applicant, own externalId) with the same spouse.
      (body.members as Array<Record<string, unknown>>)[0]!.residentId = shared;
      return body;
    });
    const results = await Promise.all(bodies.map((b) => deliver(b)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.code === "ALREADY_HOUSED")).toHaveLength(49);
    expect(await prisma.householdMember.count({ where: { residentId: shared } })).toBe(1);
  });

  it("the portal and the intake API at once: one wins, the other is refused under Art. 12", async () => {
    const shared = freshResidentId();
    const draft = await startPortalDraft(world.users.applicantA, { applicantResidentId: shared });
    const body = validBody();
    (body.applicant as Record<string, unknown>).residentId = shared;
    const [portal, intake] = await Promise.allSettled([
      submitDraft(draft.actor, { consentToVerification: true, declarationTrue: true }),
      deliver(body),
    ]);
    const portalWon = portal.status === "fulfilled";
    const intakeWon = intake.status === "fulfilled" && intake.value.status === 201;
    expect(portalWon !== intakeWon).toBe(true);
    if (portalWon) expect(intake.status === "fulfilled" && intake.value).toMatchObject({ status: 409, code: "ALREADY_HOUSED" });
    // The portal's applicant is told only that the household could not be verified (decision 036).
    else expect(portal.status === "rejected" && (portal.reason as { messageKey?: string }).messageKey).toBe("applications.errors.householdUnverified");
    const claims = await prisma.householdMember.count({ where: { residentId: shared, application: { status: "SUBMITTED" } } });
    expect(claims).toBe(1);
  });
});
