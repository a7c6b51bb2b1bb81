import { describe, expect, it } from "vitest";
import { accountPolicy, activeLockUntil, clearFailures, minutesUntil, recordFailure, throttleKeys } from "./login-throttle";

interface Row { key: string; failures: number; windowStartedAt: Date; lockedUntil: Date | null }

/** The few LoginThrottle queries the module makes, over a Map. */
function fakeDb() {
  const rows = new Map<string, Row>();
  const lockedOk = (row: Row, or: Array<{ lockedUntil: null | { lte: Date } }>) =>
    or.some((c) => (c.lockedUntil === null ? row.lockedUntil === null : row.lockedUntil !== null && row.lockedUntil <= c.lockedUntil.lte));
  const loginThrottle = {
    async findMany({ where }: { where: { key: { in: string[] }; lockedUntil: { gt: Date } } }) {
      return [...rows.values()].filter((r) => where.key.in.includes(r.key) && r.lockedUntil && r.lockedUntil > where.lockedUntil.gt);
    },
    async updateMany({ where, data }: { where: { key: string; windowStartedAt: { lte: Date }; OR: Array<{ lockedUntil: null | { lte: Date } }> }; data: Partial<Row> }) {
      const row = rows.get(where.key);
      if (row && row.windowStartedAt <= where.windowStartedAt.lte && lockedOk(row, where.OR)) Object.assign(row, data);
      return { count: row ? 1 : 0 };
    },
    async upsert({ where, create }: { where: { key: string }; create: Omit<Row, "lockedUntil"> }) {
      const row = rows.get(where.key);
      if (row) row.failures += 1;
      else rows.set(where.key, { ...create, lockedUntil: null });
      return rows.get(where.key)!;
    },
    async update({ where, data }: { where: { key: string }; data: Partial<Row> }) {
      return Object.assign(rows.get(where.key)!, data);
    },
    async deleteMany({ where }: { where: { key: string } }) {
      rows.delete(where.key);
      return { count: 1 };
    },
  };
  return { rows, db: { loginThrottle } as never };
}

const at = (minutes: number) => new Date(Date.UTC(2025, 2, 10, 1, 0) + minutes * 60_000);
const [accountKey, ipKey] = throttleKeys({ kind: "phone", value: "13800138000" }, "203.0.113.7");

describe("login throttle", () => {
  it("builds an account key and an address key", () => {
    expect(accountKey).toEqual({ key: "account:phone:13800138000", policy: accountPolicy });
    expect(ipKey?.key).toBe("ip:203.0.113.7");
    expect(throttleKeys({ kind: "username", value: "li.si" }, null)).toHaveLength(1);
  });

  it("locks after 5 failures within 15 minutes, for 15 minutes", async () => {
    const { db } = fakeDb();
    for (let i = 0; i < 4; i++) await recordFailure(db, accountKey!, at(i * 3));
    expect(await activeLockUntil(db, [accountKey!], at(12))).toBeNull();
    await recordFailure(db, accountKey!, at(12));
    const until = await activeLockUntil(db, [accountKey!], at(12));
    expect(until).toEqual(at(27));
    expect(minutesUntil(until!, at(12))).toBe(15);
    expect(minutesUntil(until!, at(26.5))).toBe(1);
    expect(await activeLockUntil(db, [accountKey!], at(27))).toBeNull();
  });

  it("starts a new window when the old one has passed", async () => {
    const { db, rows } = fakeDb();
    for (let i = 0; i < 4; i++) await recordFailure(db, accountKey!, at(i));
    await recordFailure(db, accountKey!, at(20)); // the first window (from 0) is over
    expect(rows.get(accountKey!.key)).toMatchObject({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
  });

  it("after a lock ends, the count starts again", async () => {
    const { db, rows } = fakeDb();
    for (let i = 0; i < 5; i++) await recordFailure(db, accountKey!, at(i));
    await recordFailure(db, accountKey!, at(30));
    expect(rows.get(accountKey!.key)).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it("success clears the account count", async () => {
    const { db, rows } = fakeDb();
    await recordFailure(db, accountKey!, at(0));
    await clearFailures(db, accountKey!.key);
    expect(rows.has(accountKey!.key)).toBe(false);
  });

  it("reports the later lock among several keys", async () => {
    const { db } = fakeDb();
    for (let i = 0; i < 5; i++) await recordFailure(db, accountKey!, at(i));
    for (let i = 0; i < 30; i++) await recordFailure(db, ipKey!, at(10));
    expect(await activeLockUntil(db, [accountKey!, ipKey!], at(10))).toEqual(at(25));
  });
});
