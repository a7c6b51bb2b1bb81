// The intake API's route handlers, called directly with Request objects (shared/docs/intake-api.md):
// signatures, idempotency, status codes, the status endpoint, and never a 500 for client input.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getApplication } from "@/app/api/v1/intake/applications/[applicationNo]/route";
import { POST } from "@/app/api/v1/intake/applications/route";
import { GET as getEstates } from "@/app/api/v1/estates/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { transitionApplication } from "@/lib/applications/transitions";
import { signIntakeRequest } from "@/lib/intake/signature";
import { addWorkingDays } from "@/lib/rules";
import { dateColumn, todayCST } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { seedWorld, validBody, withValue, type World } from "./applications.fixtures";
import { prisma, TEST_INTAKE_SECRET, truncateAll } from "./db";

const URL_BASE = "http://localhost/api/v1/intake/applications";
let world: World;

beforeEach(async () => {
  await truncateAll();
  world = await seedWorld();
});

function nowSeconds(): string {
  return String(Math.floor(Date.now() / 1000));
}

function signedPost(body: string | Uint8Array, options: { secret?: string; timestamp?: string; signature?: string | null; headers?: Record<string, string> } = {}): Request {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = options.signature === undefined ? signIntakeRequest(options.secret ?? TEST_INTAKE_SECRET, timestamp, body) : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json", "x-intake-timestamp": timestamp, ...options.headers };
  if (signature !== null) headers["x-intake-signature"] = signature;
  return new Request(URL_BASE, { method: "POST", body: body as BodyInit, headers });
}

function signedGet(applicationNo: string, options: { secret?: string; timestamp?: string } = {}): [Request, { params: Promise<{ applicationNo: string }> }] {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = signIntakeRequest(options.secret ?? TEST_INTAKE_SECRET, timestamp, "");
  const request = new Request(`${URL_BASE}/${encodeURIComponent(applicationNo)}`, { headers: { "x-intake-timestamp": timestamp, "x-intake-signature": signature } });
  return [request, { params: Promise.resolve({ applicationNo }) }];
}

async function post(body: unknown, options?: Parameters<typeof signedPost>[1]): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const response = await POST(signedPost(typeof body === "string" ? body : JSON.stringify(body), options));
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: the assertion will say so */
  }
  return { status: response.status, json, text };
}

describe("POST /api/v1/intake/applications", () => {
  it("creates the application: 201 with its number, status and the eligibility pre-check", async () => {
    const { status, json } = await post(validBody());
    expect(status).toBe(201);
    expect(json).toMatchObject({ applicationNo: expect.stringMatching(/^GZF-500103-\d{4}-000001$/), status: "SUBMITTED" });
    expect(json.eligibility).toMatchObject({ eligible: true, reasons: [], householdSize: 2 });
  });

  it("answers a repeated externalId with the first response verbatim and stores nothing new", async () => {
    const body = JSON.stringify(validBody());
    const first = await post(body);
    const before = { apps: await prisma.application.count(), events: await prisma.applicationStatusEvent.count(), notices: await prisma.notification.count(), audit: await prisma.auditLog.count() };
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    // Even with a different body: the externalId decides.
    const changed = await post({ ...JSON.parse(body), preferences: { estateCodes: ["SPB-001"], unitType: "STUDIO" } });
    expect(changed.status).toBe(200);
    expect(changed.text).toBe(first.text);
    expect({ apps: await prisma.application.count(), events: await prisma.applicationStatusEvent.count(), notices: await prisma.notification.count(), audit: await prisma.auditLog.count() }).toEqual(before);
  });

  it("is race-safe: the same delivery twice at once makes one application", async () => {
    const body = JSON.stringify(validBody());
    const [a, b] = await Promise.all([post(body), post(body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.text).toBe(b.text);
    expect(await prisma.application.count()).toBe(1);
  });

  it("refuses a wrong signature, another secret, missing headers and a stale timestamp with 401, changing nothing", async () => {
    const body = JSON.stringify(validBody());
    const stale = String(Number(nowSeconds()) - 301);
    const future = String(Number(nowSeconds()) + 301);
    const requests = [
      signedPost(body, { signature: `sha256=${"0".repeat(64)}` }),
      signedPost(body, { secret: "not-the-secret" }),
      signedPost(body, { signature: null }),
      new Request(URL_BASE, { method: "POST", body }),
      signedPost(body, { timestamp: stale }),
      signedPost(body, { timestamp: future }),
      signedPost(body, { signature: "sha256=zz" }),
    ];
    for (const request of requests) {
      const response = await POST(request);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    // A body changed after signing.
    const ts = nowSeconds();
    const tampered = new Request(URL_BASE, {
      method: "POST",
      body: body.replace("张三", "李四"),
      headers: { "x-intake-timestamp": ts, "x-intake-signature": signIntakeRequest(TEST_INTAKE_SECRET, ts, body) },
    });
    expect((await POST(tampered)).status).toBe(401);
    expect(await prisma.application.count()).toBe(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    for (const body of ["", "{", "not json", "{'a': 1}", "\u0000"]) {
      const { status, json } = await post(body);
      expect(status, body).toBe(400);
      expect(json.error).toEqual(expect.any(String));
    }
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect((await POST(signedPost(invalidUtf8))).status).toBe(400);
  });

  it("answers 413 for a body over 1 MiB, before parsing it", async () => {
    const huge = JSON.stringify({ ...validBody(), padding: "x".repeat(1024 * 1024) });
    const { status } = await post(huge);
    expect(status).toBe(413);
  });

  it("answers 409 ALREADY_HOUSED when a member is on another open application (Art. 12)", async () => {
    const first = validBody();
    expect((await post(first)).status).toBe(201);
    const second = withValue(validBody(), "applicant.residentId", (first.applicant as { residentId: string }).residentId);
    const { status, json } = await post(second);
    expect(status).toBe(409);
    expect(json).toMatchObject({ error: expect.any(String), code: "ALREADY_HOUSED" });
    expect(await prisma.application.count()).toBe(1);
  });

  it("answers 422 with every failing field", async () => {
    let body = withValue(validBody(), "members.0.residentId", "500106199001011234"); // the doc's example fails the checksum
    body = withValue(body, "districtCode", "123456");
    body = withValue(body, "consentToVerification", false);
    const { status, json } = await post(body);
    expect(status).toBe(422);
    expect(json.error).toEqual(expect.any(String));
    const issues = json.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(["consentToVerification", "members.0.residentId"]);
    expect(issues.every((i) => typeof i.message === "string" && !i.message.startsWith("applications."))).toBe(true);

    // Database checks come once the body itself is valid.
    const unknown = await post(withValue(withValue(validBody(), "districtCode", "123456"), "preferences.estateCodes", ["NOPE"]));
    expect(unknown.status).toBe(422);
    expect((unknown.json.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["districtCode", "preferences.estateCodes.0"]);

    const tooLarge = await post(withValue(validBody(), "preferences.unitType", "THREE_BEDROOM"));
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.json.issues).toEqual([{ path: "preferences.unitType", message: expect.stringContaining("第二十一条") }]);
    expect(await prisma.application.count()).toBe(0);
  });

  it("speaks English when asked", async () => {
    const { json } = await post(withValue(validBody(), "consentToVerification", false), { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect((json.issues as { message: string }[])[0]!.message).toMatch(/consent/i);
  });

  it("answers 422 for wrong types and ignores unknown fields", async () => {
    for (const body of [null, [], 42, "text", true, { externalId: 5 }, { ...validBody(), applicant: "张三" }, { ...validBody(), members: {} }, { ...validBody(), preferences: null }]) {
      const { status } = await post(JSON.stringify(body));
      expect(status, JSON.stringify(body)).toBe(422);
    }
    const { status } = await post({ ...validBody(), unknownField: { nested: [1, 2, 3] }, applicant: { ...(validBody().applicant as object), nickname: "x" } });
    expect(status).toBe(201);
  });

  it("requires the applicant's phone, since intake applications have no portal account", async () => {
    const { status, json } = await post(withValue(validBody(), "applicant.phone", undefined));
    expect(status).toBe(422);
    expect((json.issues as { path: string }[]).map((i) => i.path)).toEqual(["applicant.phone"]);
  });

  it("never answers 500 to any JSON a client can send (property)", async () => {
    const template = validBody();
    const mutated = fc
      .record({ path: fc.constantFrom("externalId", "districtCode", "estateLevel", "applicant", "applicant.residentId", "applicant.annualIncomeFen", "members", "members.0", "members.0.relationship", "housing", "housing.housingFloorAreaM2", "housing.lastHousingTransferDate", "priorityCategories", "preferences", "preferences.estateCodes", "preferences.unitType", "consentToVerification", "submittedAt"), value: fc.jsonValue({ maxDepth: 3 }) })
      .map(({ path, value }) => JSON.stringify(withValue({ ...template, externalId: `p-${Math.random()}` }, path, value)));
    const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, mutated, fc.string()), async (body) => {
        const response = await POST(signedPost(body));
        expect([200, 201, 400, 409, 413, 422]).toContain(response.status);
        const json = await response.json();
        expect(typeof json).toBe("object");
      }),
      { numRuns: 150 },
    );
  });
});

describe("GET /api/v1/intake/applications/{applicationNo}", () => {
  it("returns the status, the history and the current stage's working-day deadline", async () => {
    const body = validBody();
    const created = await post(body);
    const applicationNo = created.json.applicationNo as string;

    let [request, context] = signedGet(applicationNo);
    let response = await getApplication(request, context);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      applicationNo,
      externalId: body.externalId,
      status: "SUBMITTED",
      statusHistory: [{ status: "SUBMITTED", at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }],
      deadlines: {},
    });

    // The district accepts it: the first review is due within 7 working days (Art. 19).
    const app = await prisma.application.findUniqueOrThrow({ where: { applicationNo } });
    const today = todayCST();
    const due = addWorkingDays(today, 7);
    await prisma.$transaction((tx) =>
      transitionApplication(tx, {
        applicationId: app.id,
        to: "ACCEPTED",
        actor: { id: world.users.yuzhongOfficer.id, role: "DISTRICT_OFFICER" },
        data: { acceptedAt: new Date(), firstReviewDueDate: dateColumn(due), dueDate: dateColumn(due) },
      }),
    );
    [request, context] = signedGet(applicationNo);
    response = await getApplication(request, context);
    const json = await response.json();
    expect(json.status).toBe("ACCEPTED");
    expect(json.statusHistory.map((h: { status: string }) => h.status)).toEqual(["SUBMITTED", "ACCEPTED"]);
    expect(json.deadlines).toEqual({ firstReviewDueDate: due });
  });

  it("answers 404 for unknown numbers and for applications that did not come through the API", async () => {
    let [request, context] = signedGet("GZF-500103-2026-999999");
    expect((await getApplication(request, context)).status).toBe(404);
    [request, context] = signedGet("../../etc/passwd");
    expect((await getApplication(request, context)).status).toBe(404);
    const portal = await prisma.application.create({
      data: { applicationNo: "GZF-500103-2026-000777", source: "PORTAL", districtCode: YUZHONG, estateLevel: "MUNICIPAL", status: "SUBMITTED", applicantUserId: world.users.applicantA.id },
    });
    [request, context] = signedGet(portal.applicationNo);
    expect((await getApplication(request, context)).status).toBe(404);
  });

  it("is signed like the POST (over an empty body)", async () => {
    const created = await post(validBody());
    const [request, context] = signedGet(created.json.applicationNo as string, { secret: "wrong-secret" });
    expect((await getApplication(request, context)).status).toBe(401);
    const [stale, staleContext] = signedGet(created.json.applicationNo as string, { timestamp: String(Number(nowSeconds()) - 1000) });
    expect((await getApplication(stale, staleContext)).status).toBe(401);
  });
});

describe("public documents of the API", () => {
  it("GET /api/v1/estates lists active estates with the unit types they actually have", async () => {
    const response = await getEstates();
    expect(response.status).toBe(200);
    const estates = (await response.json()) as { code: string; unitTypes: string[]; level: string; districtCode: string; name: string }[];
    expect(estates.map((e) => e.code)).toEqual(["SPB-001", "SPB-002", "SPB-003", "WZ-001", "YZ-001"]);
    expect(estates.find((e) => e.code === "SPB-003")).toEqual({ code: "SPB-003", name: "测试小区 SPB-003", level: "DISTRICT", districtCode: "500106", unitTypes: ["STUDIO"] });
    expect(estates.find((e) => e.code === "YZ-001")!.unitTypes).toEqual(["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"]);
  });

  it("GET /api/v1/openapi.json describes every path, the security scheme and the responses", async () => {
    const doc = await getOpenApi().json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/estates", "/api/v1/intake/applications", "/api/v1/intake/applications/{applicationNo}", "/api/v1/openapi.json", "/api/v1/payments/{provider}/callback"]);
    expect(Object.keys(doc.paths["/api/v1/payments/{provider}/callback"].post.responses).sort()).toEqual(["200", "400", "401", "404", "413"]);
    expect(doc.components.securitySchemes.paymentSignature).toMatchObject({ type: "apiKey", in: "header", name: "X-Payment-Signature" });
    expect(Object.keys(doc.paths["/api/v1/intake/applications"].post.responses).sort()).toEqual(["200", "201", "400", "401", "409", "413", "422", "503"]);
    expect(doc.components.securitySchemes.intakeSignature).toMatchObject({ type: "apiKey", in: "header", name: "X-Intake-Signature" });
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split("/").pop()!], ref).toBeDefined();
  });
});

describe("an intake application reaches its applicant's portal account", () => {
  const asApplicant = (u: { id: string }) => ({ id: u.id, role: "APPLICANT" as const, districtCode: null });
  /** A linking code sent to the account's number through the service, read from the development outbox. */
  async function linkCode(actor: { id: string }, at: Date): Promise<string> {
    const { requestIntakeLinkCode } = await import("@/lib/applications/link-intake");
    const { latestDevCode } = await import("@/lib/sms/provider");
    await requestIntakeLinkCode(asApplicant(actor), null, at);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true } });
    return latestDevCode(user.phone!);
  }
  const minutesFrom = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

  it("is linked once the account holder gives a code sent to the number and the applicant's resident ID", async () => {
    const { countLinkableIntakeApplications, listMyApplications } = await import("@/lib/applications/queries");
    const { linkIntakeWithResidentId } = await import("@/lib/applications/link-intake");
    const applicantId = freshResidentId();
    const body = withValue(validBody(), "applicant.phone", world.users.applicantC.phone);
    const created = await post(withValue(body, "applicant.residentId", applicantId));
    const actor = asApplicant(world.users.applicantC);
    const t0 = new Date();
    expect(await listMyApplications(actor)).toEqual([]);
    expect(await countLinkableIntakeApplications(actor)).toBe(1);
    const code = await linkCode(actor, t0);
    // The right ID without the code's digits links nothing and does not count against the lock.
    await expect(linkIntakeWithResidentId(actor, { residentId: applicantId, code: code === "000000" ? "111111" : "000000" }, t0)).rejects.toMatchObject({ code: "VALIDATION", messageKey: "auth.code.invalid" });
    // A wrong ID links nothing and counts as a failed attempt.
    await expect(linkIntakeWithResidentId(actor, { residentId: freshResidentId(), code }, t0)).rejects.toMatchObject({ code: "VALIDATION", messageKey: "applicant.linkIntake.noMatch", values: { left: 4 } });
    expect(await listMyApplications(actor)).toEqual([]);
    expect(await linkIntakeWithResidentId(actor, { residentId: applicantId, code }, t0)).toEqual({ linked: 1 });
    expect((await listMyApplications(actor)).map((a) => a.applicationNo)).toEqual([created.json.applicationNo]);
    expect(await countLinkableIntakeApplications(actor)).toBe(0);
    // The code worked once.
    expect((await prisma.phoneCode.findFirstOrThrow({ where: { purpose: "LINK_INTAKE" } })).usedAt).toEqual(t0);
    // Someone else, even with the right ID and a code of their own, links nothing: the number is not theirs.
    const other = asApplicant(world.users.applicantA);
    expect(await countLinkableIntakeApplications(other)).toBe(0);
    await expect(linkIntakeWithResidentId(other, { residentId: applicantId, code: await linkCode(other, t0) }, t0)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("locks linking for good after five wrong IDs, even fired at once; only an officer of the district lifts it", async () => {
    const { isIntakeLinkLocked, liftIntakeLinkLock, linkIntakeWithResidentId, listIntakeLinkLocks } = await import("@/lib/applications/link-intake");
    const applicantId = freshResidentId();
    await post(withValue(withValue(validBody(), "applicant.phone", world.users.applicantB.phone), "applicant.residentId", applicantId));
    const actor = asApplicant(world.users.applicantB);
    const t0 = new Date();
    // Ten wrong IDs at once, with fresh codes (a code allows 5 checks): at most five are checked.
    const codeA = await linkCode(actor, t0);
    const first = await Promise.allSettled(Array.from({ length: 4 }, () => linkIntakeWithResidentId(actor, { residentId: freshResidentId(), code: codeA }, t0)));
    expect(first.every((r) => r.status === "rejected")).toBe(true);
    const codeB = await linkCode(actor, minutesFrom(t0, 2));
    const second = await Promise.allSettled(Array.from({ length: 6 }, () => linkIntakeWithResidentId(actor, { residentId: freshResidentId(), code: codeB }, minutesFrom(t0, 2))));
    expect(second.every((r) => r.status === "rejected")).toBe(true);
    const keys = [...first, ...second].map((r) => (r.status === "rejected" ? (r.reason as { messageKey?: string }).messageKey : "linked"));
    // Four told "no match" with tries left; the fifth checked locks; the rest are refused unchecked
    // (locked, or the second code spent after its five checks).
    expect(keys.filter((k) => k === "applicant.linkIntake.noMatch")).toHaveLength(4);
    expect(keys.filter((k) => k === "applicant.linkIntake.lockedForGood").length).toBeGreaterThanOrEqual(1);
    expect(keys.every((k) => k === "applicant.linkIntake.noMatch" || k === "applicant.linkIntake.lockedForGood" || k === "auth.code.invalid")).toBe(true);
    const guard = await prisma.intakeLinkGuard.findUniqueOrThrow({ where: { userId: actor.id } });
    expect(guard.lockedAt).not.toBeNull();
    expect(await isIntakeLinkLocked(actor.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "application.link_locked", entityId: actor.id } })).toBe(1);
    // Locked for good: the right ID with a valid code, an hour later, still links nothing; no code is sent.
    await expect(linkIntakeWithResidentId(actor, { residentId: applicantId, code: codeB }, minutesFrom(t0, 3))).rejects.toMatchObject({ messageKey: "applicant.linkIntake.lockedForGood" });
    await expect(linkCode(actor, minutesFrom(t0, 24 * 60))).rejects.toMatchObject({ messageKey: "applicant.linkIntake.lockedForGood" });
    expect(await isIntakeLinkLocked(actor.id)).toBe(true);

    // The application is in Yuzhong: an officer of another district neither sees nor lifts the lock.
    const spb = world.users.shapingbaOfficer;
    expect(await listIntakeLinkLocks(spb)).toEqual([]);
    await expect(liftIntakeLinkLock(spb, actor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(liftIntakeLinkLock(world.users.cityOfficer, actor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await isIntakeLinkLocked(actor.id)).toBe(true);
    // Yuzhong's officer sees it and lifts it, once, with an audit row.
    const yz = world.users.yuzhongOfficer;
    expect((await listIntakeLinkLocks(yz)).map((l) => l.userId)).toEqual([actor.id]);
    const lifts = await Promise.allSettled([liftIntakeLinkLock(yz, actor.id), liftIntakeLinkLock(yz, actor.id)]);
    expect(lifts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.auditLog.findMany({ where: { action: "application.link_unlocked", entityId: actor.id }, select: { actorId: true, districtCode: true } })).toEqual([{ actorId: yz.id, districtCode: YUZHONG }]);
    expect(await isIntakeLinkLocked(actor.id)).toBe(false);
    // Then the holder links with a new code and the right ID.
    const t1 = minutesFrom(t0, 24 * 60 + 5);
    expect(await linkIntakeWithResidentId(actor, { residentId: applicantId, code: await linkCode(actor, t1) }, t1)).toEqual({ linked: 1 });
  });
});
