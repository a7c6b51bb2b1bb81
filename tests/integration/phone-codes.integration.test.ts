// Verified phones on the real database (docs/decisions/035): one-time SMS codes at registration
// and password reset. Registration never says whether a number has an account; sending is rate
// limited per number and per address; a code is used once, however many requests race for it;
// parallel wrong guesses never pass the attempt limit; expired codes fail.
import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { completePasswordReset, requestPasswordResetCode } from "@/lib/auth/password-reset";
import { checkPhoneCode, CODE_TTL_MS, issuePhoneCode, MAX_CODE_ATTEMPTS } from "@/lib/auth/phone-codes";
import { completeRegistration, requestRegistrationCode } from "@/lib/auth/registration";
import { devOutbox, latestDevCode } from "@/lib/sms/provider";
import { prisma, truncateAll } from "./db";

const PHONE = "13800001234";
const PASSWORD = "Right-pass-2025";
const NEW_PASSWORD = "New-pass-2026";
const t0 = new Date();
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const wrong = (code: string) => (code === "000000" ? "111111" : "000000");

async function register(phone: string, at: Date, password = PASSWORD): Promise<{ id: string }> {
  await requestRegistrationCode(phone, null, at);
  return completeRegistration({ name: "张三", phone, code: await latestDevCode(phone), password }, at);
}

beforeEach(async () => {
  await truncateAll();
});

describe("registration", () => {
  it("answers step 1 alike for a new and a registered number; only the new one gets a code", async () => {
    await register(PHONE, t0);
    const fresh = "13800005678";
    // Both resolve with nothing to tell apart.
    await expect(requestRegistrationCode(fresh, null, later(2))).resolves.toBeUndefined();
    await expect(requestRegistrationCode(PHONE, null, later(2))).resolves.toBeUndefined();
    expect((await devOutbox({ phone: fresh }))[0]!.text).toMatch(/注册验证码为 \d{6}/);
    const notice = (await devOutbox({ phone: PHONE }))[0]!.text;
    expect(notice).toContain("已注册");
    expect(notice).not.toMatch(/\d{6}/);
    // No code exists for the registered number: step 2 fails with the neutral answer, whatever is typed.
    expect(await prisma.phoneCode.count({ where: { phone: PHONE, purpose: "REGISTER", usedAt: null } })).toBe(0);
    await expect(completeRegistration({ name: "李四", phone: PHONE, code: "123456", password: PASSWORD }, later(2))).rejects.toMatchObject({ code: "VALIDATION", messageKey: "auth.code.invalid" });
    // The database holds an HMAC, never the code.
    const code = await latestDevCode(fresh);
    const row = await prisma.phoneCode.findFirstOrThrow({ where: { phone: fresh } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it("creates the account with the right code, audited; the number registered in the meantime gets the neutral failure", async () => {
    const user = await register(PHONE, t0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { phone: true, role: true } })).toEqual({ phone: PHONE, role: "APPLICANT" });
    expect(await prisma.auditLog.count({ where: { action: "user.register", entityId: user.id } })).toBe(1);
    // A code issued before the number was taken (two visitors racing): the same neutral failure.
    const other = "13800002222";
    await requestRegistrationCode(other, null, t0);
    const code = await latestDevCode(other);
    await prisma.user.create({ data: { phone: other, name: "先注册者", passwordHash: "x", role: "APPLICANT" } });
    await expect(completeRegistration({ name: "后注册者", phone: other, code, password: PASSWORD }, t0)).rejects.toMatchObject({ code: "VALIDATION", messageKey: "auth.code.invalid" });
    expect(await prisma.user.count({ where: { phone: other } })).toBe(1);
  });

  it("uses a code once under 10 parallel registrations", async () => {
    await requestRegistrationCode(PHONE, null, t0);
    const code = await latestDevCode(PHONE);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => completeRegistration({ name: `并发${i}`, phone: PHONE, code, password: PASSWORD }, t0)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "VALIDATION", messageKey: "auth.code.invalid" });
    expect(await prisma.user.count({ where: { phone: PHONE } })).toBe(1);
    expect(await prisma.phoneCode.count({ where: { phone: PHONE, usedAt: { not: null } } })).toBe(1);
    // And again afterwards: used.
    await expect(completeRegistration({ name: "再来", phone: PHONE, code, password: PASSWORD }, t0)).rejects.toMatchObject({ messageKey: "auth.code.invalid" });
  });

  it("rate limits sending: one a minute and five an hour per number, twenty an hour per address, registered or not", async () => {
    await prisma.user.create({ data: { phone: PHONE, name: "已注册", passwordHash: "x", role: "APPLICANT" } });
    const fresh = "13800007777";
    for (const phone of [fresh, PHONE]) {
      await requestRegistrationCode(phone, null, later(1));
      // A second within the minute: refused, for the registered number exactly as for the new one.
      await expect(requestRegistrationCode(phone, null, later(1.5))).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "auth.code.rateLimited", values: { minutes: 1 } });
      // The refused one counts as well (every request is counted first): three more this hour.
      for (let i = 2; i <= 4; i++) await requestRegistrationCode(phone, null, later(i * 2));
    }
    // Five this hour each: the sixth is refused for both.
    await expect(requestRegistrationCode(fresh, null, later(20))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(requestRegistrationCode(PHONE, null, later(20))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // The address: twenty numbers, then refused.
    for (let i = 0; i < 20; i++) await requestRegistrationCode(`1390000${String(i).padStart(4, "0")}`, "203.0.113.9", later(30));
    await expect(requestRegistrationCode("13900009999", "203.0.113.9", later(30))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(requestRegistrationCode("13900008888", "203.0.113.10", later(30))).resolves.toBeUndefined();
  });
});

describe("codes", () => {
  it("parallel wrong guesses cannot pass the attempt limit; then even the right code fails", async () => {
    const code = await issuePhoneCode(prisma, PHONE, "REGISTER", t0);
    const guesses = await Promise.all(Array.from({ length: 10 }, () => checkPhoneCode(PHONE, "REGISTER", wrong(code), t0)));
    expect(guesses.every((g) => g === null)).toBe(true);
    expect((await prisma.phoneCode.findFirstOrThrow({ where: { phone: PHONE } })).attempts).toBe(MAX_CODE_ATTEMPTS);
    expect(await checkPhoneCode(PHONE, "REGISTER", code, t0)).toBeNull();
  });

  it("fails once expired, without counting; only the latest code of a number and purpose counts", async () => {
    const first = await issuePhoneCode(prisma, PHONE, "REGISTER", t0);
    const expired = new Date(t0.getTime() + CODE_TTL_MS);
    expect(await checkPhoneCode(PHONE, "REGISTER", first, expired)).toBeNull();
    expect((await prisma.phoneCode.findFirstOrThrow({ where: { phone: PHONE } })).attempts).toBe(0);
    expect(await checkPhoneCode(PHONE, "REGISTER", first, new Date(expired.getTime() - 1))).not.toBeNull();
    const second = await issuePhoneCode(prisma, PHONE, "REGISTER", later(1));
    if (second !== first) expect(await checkPhoneCode(PHONE, "REGISTER", first, later(1))).toBeNull();
    expect(await checkPhoneCode(PHONE, "REGISTER", second, later(1))).not.toBeNull();
    // A code of another purpose does not count.
    expect(await checkPhoneCode(PHONE, "RESET_PASSWORD", second, later(1))).toBeNull();
    // Expired registration: the neutral failure, no account.
    await expect(completeRegistration({ name: "迟到", phone: PHONE, code: second, password: PASSWORD }, later(12))).rejects.toMatchObject({ messageKey: "auth.code.invalid" });
    expect(await prisma.user.count()).toBe(0);
  });
});

describe("忘记密码", () => {
  it("answers alike for an unknown number (no text goes out); the new password works, the old one fails", async () => {
    await expect(requestPasswordResetCode("13800003333", null, t0)).resolves.toBeUndefined();
    expect(await devOutbox({ phone: "13800003333" })).toEqual([]);

    const user = await register(PHONE, t0);
    const account = { kind: "phone" as const, value: PHONE };
    expect((await authenticate({ account, password: PASSWORD, ip: null })).ok).toBe(true);
    await requestPasswordResetCode(PHONE, null, later(2));
    const code = await latestDevCode(PHONE);
    await expect(completePasswordReset({ phone: PHONE, code: wrong(code), password: NEW_PASSWORD }, later(2))).rejects.toMatchObject({ messageKey: "auth.code.invalid" });
    await completePasswordReset({ phone: PHONE, code, password: NEW_PASSWORD }, later(2));
    expect(await authenticate({ account, password: PASSWORD, ip: null })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await authenticate({ account, password: NEW_PASSWORD, ip: null })).toMatchObject({ ok: true });
    // Once only.
    await expect(completePasswordReset({ phone: PHONE, code, password: "Third-pass-2027" }, later(2))).rejects.toMatchObject({ messageKey: "auth.code.invalid" });
    // Audited, with neither the number nor the code in the row.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.password_reset", entityId: user.id } });
    expect(audit.actorId).toBe(user.id);
    expect(JSON.stringify(audit.data)).not.toContain(PHONE);
    expect(JSON.stringify(audit.data)).not.toContain(code);
  });
});
