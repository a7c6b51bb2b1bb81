// Accounts and their sessions on the real database (decision 031): staff activation by a one-time
// code, a user's own password change, and an administrator's deactivation, reset and forced change,
// each of which ends the account's sessions by raising its session version.
import { beforeEach, describe, expect, it } from "vitest";
import { ACTIVATION_CODE_HOURS, activateStaffAccount, changeOwnPassword, manageStaffAccount } from "@/lib/auth/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { createStaffSchema } from "@/lib/auth/schemas";
import { createStaffUser } from "@/lib/auth/staff-users";
import { AppError } from "@/lib/errors";
import { prisma, truncateAll } from "./db";
import { upsertDistricts } from "@/lib/reference/districts";

const PASSWORD = "Officer-pass-2026";
const NEW_PASSWORD = "Another-pass-2027";
const now = new Date("2026-12-01T02:00:00Z");

let admin: Actor;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function newOfficer(username = "new.officer") {
  const input = createStaffSchema.parse({ role: "DISTRICT_OFFICER", districtCode: "500103", username, name: "新经办人" });
  return createStaffUser(input, { user: admin }, now);
}

const signIn = (username: string, password: string) => authenticate({ account: { kind: "username", value: username }, password, ip: null }, now);
const activate = (username: string, code: string, password = PASSWORD, ip: string | null = null, at = now) =>
  activateStaffAccount({ username, code, password, confirmPassword: password }, ip, at);
const account = (id: string) =>
  prisma.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true, isActive: true, mustChangePassword: true, activationCodeHash: true, passwordHash: true } });

beforeEach(async () => {
  await truncateAll();
  await upsertDistricts(prisma);
  const row = await prisma.user.create({ data: { username: "admin", name: "管理员", role: "ADMIN", passwordHash: await hashPassword(PASSWORD) } });
  admin = { id: row.id, role: "ADMIN", districtCode: null };
});

describe("a new staff account is activated by its holder", () => {
  it("has no password until activated with its code, which works once; the administrator never sets one", async () => {
    const created = await newOfficer();
    expect(created.activation.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(created.activation.expiresAt.getTime() - now.getTime()).toBe(ACTIVATION_CODE_HOURS * 3_600_000);
    const stored = await account(created.id);
    expect(stored.activationCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.activation.code);
    // No password signs in to it, not even the code.
    expect(await signIn("new.officer", created.activation.code)).toMatchObject({ ok: false, reason: "invalid" });

    // Typed in lower case with spaces, the code still works; then it is gone.
    await activate("new.officer", created.activation.code.toLowerCase().replace("-", " "));
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: true });
    expect((await account(created.id)).activationCodeHash).toBeNull();
    expect((await errorOf(activate("new.officer", created.activation.code, NEW_PASSWORD))).messageKey).toBe("auth.activate.refused");
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: true });
    const audit = await prisma.auditLog.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" }, select: { action: true, data: true } });
    expect(audit.map((a) => a.action)).toEqual(["user.create", "auth.sign_in_failed", "user.activate", "auth.sign_in", "auth.sign_in"]);
    expect(JSON.stringify(audit)).not.toContain(created.activation.code);
  });

  it("refuses a wrong code, another account's code and an expired code with the same answer", async () => {
    const a = await newOfficer("officer.a");
    const b = await newOfficer("officer.b");
    expect((await errorOf(activate("officer.a", "AAAAA-BBBBB"))).messageKey).toBe("auth.activate.refused");
    expect((await errorOf(activate("officer.a", b.activation.code))).messageKey).toBe("auth.activate.refused");
    expect((await errorOf(activate("nobody.here", a.activation.code))).messageKey).toBe("auth.activate.refused");
    const late = new Date(now.getTime() + (ACTIVATION_CODE_HOURS * 60 + 1) * 60_000);
    expect((await errorOf(activate("officer.a", a.activation.code, PASSWORD, null, late))).messageKey).toBe("auth.activate.refused");
    expect((await account(a.id)).activationCodeHash).not.toBeNull();
  });

  it("takes one of ten simultaneous activations with the right code", async () => {
    const created = await newOfficer();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => activate("new.officer", created.activation.code, `Racing-pass-${i}0`)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).messageKey).toMatch(/auth\.activate\.(refused|locked)/);
    expect(await prisma.auditLog.count({ where: { entityId: created.id, action: "user.activate" } })).toBe(1);
  });

  it("checks at most five guesses of a code, even all at once", async () => {
    const created = await newOfficer();
    const guesses = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => activate("new.officer", `ZZZZZ-ZZZ${"23456789ABCD"[i]}2`)));
    const locked = guesses.filter((g) => g.status === "rejected" && (g.reason as AppError).messageKey === "auth.activate.locked");
    expect(locked).toHaveLength(7);
    // Locked now: not even the right code is checked until the lock ends.
    expect((await errorOf(activate("new.officer", created.activation.code))).messageKey).toBe("auth.activate.locked");
    expect((await account(created.id)).activationCodeHash).not.toBeNull();
  });
});

describe("a user changes their own password", () => {
  it("needs the current password, and ends every session of the account", async () => {
    const created = await newOfficer();
    await activate("new.officer", created.activation.code);
    const officer: Actor = { id: created.id, role: "DISTRICT_OFFICER", districtCode: "500103" };
    const before = (await account(created.id)).sessionVersion;

    const wrong = await errorOf(changeOwnPassword(officer, { currentPassword: "Wrong-pass-1", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, now));
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["auth.password.currentWrong"] });
    expect((await account(created.id)).sessionVersion).toBe(before);

    await changeOwnPassword(officer, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, now);
    expect((await account(created.id)).sessionVersion).toBe(before + 1);
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: false });
    expect(await signIn("new.officer", NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it("applies one of two changes sent at the same moment", async () => {
    const created = await newOfficer();
    await activate("new.officer", created.activation.code);
    const officer: Actor = { id: created.id, role: "DISTRICT_OFFICER", districtCode: "500103" };
    const results = await Promise.allSettled(
      ["First-pass-11", "Second-pass-22"].map((p) => changeOwnPassword(officer, { currentPassword: PASSWORD, password: p, confirmPassword: p }, now)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { entityId: created.id, action: "auth.password_change" } })).toBe(1);
  });
});

describe("an administrator manages staff accounts", () => {
  async function activeOfficer() {
    const created = await newOfficer();
    await activate("new.officer", created.activation.code);
    return created.id;
  }

  it("deactivates (ending every session) and reactivates, once each", async () => {
    const id = await activeOfficer();
    const before = (await account(id)).sessionVersion;
    await manageStaffAccount(admin, { userId: id, action: "deactivate" }, now);
    expect(await account(id)).toMatchObject({ isActive: false, sessionVersion: before + 1 });
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: false, reason: "inactive" });
    expect((await errorOf(manageStaffAccount(admin, { userId: id, action: "deactivate" }, now))).messageKey).toBe("admin.users.already.deactivate");
    await manageStaffAccount(admin, { userId: id, action: "reactivate" }, now);
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: true });
    // Two administrators deactivating at once: one does, the other is told it is done.
    const both = await Promise.allSettled([0, 1].map(() => manageStaffAccount(admin, { userId: id, action: "deactivate" }, now)));
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await account(id)).sessionVersion).toBe(before + 2);
  });

  it("resets with a new activation code: the old password stops working, sessions end, the holder sets a new one", async () => {
    const id = await activeOfficer();
    const before = (await account(id)).sessionVersion;
    const reset = await manageStaffAccount(admin, { userId: id, action: "reset" }, now);
    expect(reset.activation?.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect((await account(id)).sessionVersion).toBe(before + 1);
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: false, reason: "invalid" });
    await activate("new.officer", reset.activation!.code, NEW_PASSWORD);
    expect(await signIn("new.officer", NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  it("requires a new password at the next sign-in, which the change clears", async () => {
    const id = await activeOfficer();
    await manageStaffAccount(admin, { userId: id, action: "forceChange" }, now);
    expect(await signIn("new.officer", PASSWORD)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    const officer: Actor = { id, role: "DISTRICT_OFFICER", districtCode: "500103" };
    await changeOwnPassword(officer, { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, now);
    expect(await signIn("new.officer", NEW_PASSWORD)).toMatchObject({ ok: true, user: { mustChangePassword: false } });
  });

  it("refuses an administrator's own account, applicants' accounts and anyone but administrators", async () => {
    const id = await activeOfficer();
    expect((await errorOf(manageStaffAccount(admin, { userId: admin.id, action: "deactivate" }, now))).messageKey).toBe("admin.users.notYourself");
    const applicant = await prisma.user.create({ data: { phone: "13800001111", name: "申请人", role: "APPLICANT", passwordHash: "x" } });
    expect((await errorOf(manageStaffAccount(admin, { userId: applicant.id, action: "deactivate" }, now))).code).toBe("NOT_FOUND");
    const officer: Actor = { id, role: "DISTRICT_OFFICER", districtCode: "500103" };
    expect((await errorOf(manageStaffAccount(officer, { userId: admin.id, action: "deactivate" }, now))).code).toBe("FORBIDDEN");
    expect(await prisma.user.count({ where: { isActive: false } })).toBe(0);
  });
});
