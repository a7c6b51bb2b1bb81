// Attempt throttling on the real database: every attempt is counted before it is checked, in one
// statement, so parallel attempts cannot pass the limit (sign-in, linking 渝快办 applications).
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/password", async (importOriginal) => (await import("../support/counted-password")).countedPasswordModule(importOriginal));

import { authenticate } from "@/lib/auth/authenticate";
import { accountPolicy, forgiveAttempts, takeAttempt, type ThrottleKey } from "@/lib/auth/login-throttle";
import { hashPassword } from "@/lib/auth/password";
import { passwordChecks as checks } from "../support/counted-password";
import { prisma, truncateAll } from "./db";

const PHONE = "13800009999";
const PASSWORD = "Right-pass-2025";
const at = (minutes: number) => new Date(Date.UTC(2025, 2, 10, 1, 0) + minutes * 60_000);
const key: ThrottleKey = { key: "test:key", policy: accountPolicy };

beforeEach(async () => {
  await truncateAll();
  checks.count = 0;
});

describe("takeAttempt", () => {
  it("lets the first 5 attempts of a window be checked and locks with the 5th, for 15 minutes", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await takeAttempt(prisma, [key], at(i)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results[3]).toMatchObject({ allowed: true, numbers: [4], lockedUntil: null });
    expect(results[4]).toMatchObject({ allowed: true, numbers: [5], lockedUntil: at(19) });
    expect(results[5]).toMatchObject({ allowed: false, lockedUntil: at(19) });
    // Still locked a minute before the end; a fresh count once it has passed.
    expect((await takeAttempt(prisma, [key], at(18))).allowed).toBe(false);
    expect(await takeAttempt(prisma, [key], at(19))).toMatchObject({ allowed: true, numbers: [1], lockedUntil: null });
  });

  it("starts a new window when the old one has passed", async () => {
    for (let i = 0; i < 4; i++) await takeAttempt(prisma, [key], at(i));
    expect(await takeAttempt(prisma, [key], at(20))).toMatchObject({ allowed: true, numbers: [1] });
    expect(await prisma.loginThrottle.findUnique({ where: { key: key.key } })).toMatchObject({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
  });

  it("forgives a successful attempt and those before it, not those after it", async () => {
    for (let i = 0; i < 3; i++) await takeAttempt(prisma, [key], at(0));
    await forgiveAttempts(prisma, key, 2);
    expect((await prisma.loginThrottle.findUnique({ where: { key: key.key } }))?.failures).toBe(1);
    for (let i = 0; i < 4; i++) await takeAttempt(prisma, [key], at(1));
    expect(await prisma.loginThrottle.findUnique({ where: { key: key.key } })).toMatchObject({ failures: 5, lockedUntil: at(16) });
    // Forgiving down below the limit lifts the lock.
    await forgiveAttempts(prisma, key, 5);
    expect(await prisma.loginThrottle.findUnique({ where: { key: key.key } })).toMatchObject({ failures: 0, lockedUntil: null });
  });

  it("reports the later lock among several keys and refuses while any is locked", async () => {
    const ip: ThrottleKey = { key: "test:ip", policy: { maxFailures: 2, windowMs: 15 * 60_000, lockMs: 30 * 60_000 } };
    await takeAttempt(prisma, [key, ip], at(0));
    expect(await takeAttempt(prisma, [key, ip], at(1))).toMatchObject({ allowed: true, lockedUntil: at(31) });
    expect(await takeAttempt(prisma, [key, ip], at(2))).toEqual({ allowed: false, lockedUntil: at(31) });
  });
});

describe("sign-in under parallel guessing", () => {
  it("21 simultaneous sign-ins, 20 wrong and 1 right: at most 5 passwords are checked", async () => {
    await prisma.user.create({ data: { phone: PHONE, name: "测试", role: "APPLICANT", passwordHash: await hashPassword(PASSWORD) } });
    checks.count = 0;
    const attempts = [...Array.from({ length: 20 }, (_, i) => `wrong-${i}-xyz`), PASSWORD];
    const results = await Promise.all(attempts.map((password) => authenticate({ account: { kind: "phone", value: PHONE }, password, ip: "198.51.100.7" })));
    // Counted at all (the mock is in place), and never past the limit.
    expect(checks.count).toBeGreaterThan(0);
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.ok === false && r.reason === "locked").length).toBeGreaterThanOrEqual(16);
    // The right password got a session only if it was among the attempts checked.
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
  });

  it("a right password after four wrong ones signs in and clears the account's count", async () => {
    await prisma.user.create({ data: { phone: PHONE, name: "测试", role: "APPLICANT", passwordHash: await hashPassword(PASSWORD) } });
    const account = { kind: "phone" as const, value: PHONE };
    for (let i = 0; i < 4; i++) expect(await authenticate({ account, password: "nope-nope", ip: null })).toEqual({ ok: false, reason: "invalid" });
    expect((await authenticate({ account, password: PASSWORD, ip: null })).ok).toBe(true);
    expect((await prisma.loginThrottle.findUnique({ where: { key: `account:phone:${PHONE}` } }))?.failures).toBe(0);
    // The fifth wrong password in a row says at once that the account is locked.
    for (let i = 0; i < 4; i++) await authenticate({ account, password: "nope-nope", ip: null });
    expect(await authenticate({ account, password: "nope-nope", ip: null })).toMatchObject({ ok: false, reason: "locked", retryAfterMinutes: 15 });
    expect(await authenticate({ account, password: PASSWORD, ip: null })).toMatchObject({ ok: false, reason: "locked" });
  });
});
