// Spent rows of verified phones are deleted by the scheduled job (lib/auth/purge.ts, decision 035):
// one-time codes a day past their expiry, attempt counters idle for two days with no running lock,
// development texts older than a week. What is still in use stays, and a second run deletes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { checkPhoneCode, issuePhoneCode } from "@/lib/auth/phone-codes";
import { takeAttempt } from "@/lib/auth/login-throttle";
import { purgeSpentRecords } from "@/lib/auth/purge";
import { jobs } from "@/lib/jobs/registry";
import { prisma, truncateAll } from "./db";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-03T02:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const policy = { maxFailures: 5, windowMs: DAY, lockMs: DAY };

beforeEach(async () => {
  await truncateAll();
});

describe("purging spent records", () => {
  it("deletes only what can no longer change an answer", async () => {
    // Codes: one expired two days ago (deleted), one expired an hour ago and one still valid (kept).
    await issuePhoneCode(prisma, "13800000001", "REGISTER", ago(2 * DAY));
    await issuePhoneCode(prisma, "13800000002", "REGISTER", ago(HOUR));
    const valid = await issuePhoneCode(prisma, "13800000003", "RESET_PASSWORD", ago(60_000));
    // Counters: idle for three days (deleted); idle for three days but locked until tomorrow, and
    // one whose window started yesterday (kept).
    await takeAttempt(prisma, [{ key: "idle", policy }], ago(3 * DAY));
    await prisma.loginThrottle.create({ data: { key: "locked", failures: 5, windowStartedAt: ago(3 * DAY), lockedUntil: new Date(now.getTime() + DAY) } });
    await takeAttempt(prisma, [{ key: "recent", policy }], ago(DAY));
    // Development texts: eight days old (deleted) and one day old (kept).
    await prisma.devSmsMessage.create({ data: { phone: "13800000001", text: "旧短信", createdAt: ago(8 * DAY) } });
    await prisma.devSmsMessage.create({ data: { phone: "13800000002", text: "新短信", createdAt: ago(DAY) } });

    expect(await purgeSpentRecords(now)).toEqual({ phoneCodes: 1, throttles: 1, devSms: 1 });
    expect((await prisma.phoneCode.findMany({ select: { phone: true }, orderBy: { phone: "asc" } })).map((r) => r.phone)).toEqual(["13800000002", "13800000003"]);
    expect((await prisma.loginThrottle.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual(["locked", "recent"]);
    expect((await prisma.devSmsMessage.findMany({ select: { text: true } })).map((r) => r.text)).toEqual(["新短信"]);
    // The valid code still works after the purge.
    expect(await checkPhoneCode("13800000003", "RESET_PASSWORD", valid, now)).not.toBeNull();
    // Idempotent: nothing more to delete.
    expect(await purgeSpentRecords(now)).toEqual({ phoneCodes: 0, throttles: 0, devSms: 0 });
  });

  it("runs as a scheduled job", async () => {
    await issuePhoneCode(prisma, "13800000001", "LINK_INTAKE", ago(3 * DAY));
    const job = jobs.find((j) => j.name === "purge-spent-records");
    expect(job).toBeDefined();
    expect(await job!.run(now)).toBe("1 codes, 0 attempt counters, 0 development texts deleted");
    expect(await prisma.phoneCode.count()).toBe(0);
  });
});
