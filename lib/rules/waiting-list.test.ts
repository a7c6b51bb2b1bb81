import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankWaitingList, type QueueEntry } from "./waiting-list";

// Art. 23 (ordered waiting) and Art. 45 (households qualified before 2024-07-22 keep their lottery order).

const e = (id: string, acceptedAt: string, priority = false, legacyLotteryRank: number | null = null): QueueEntry => ({
  id, acceptedAt, priority, legacyLotteryRank,
});

describe("rankWaitingList", () => {
  it("orders by year of acceptance first, in China Standard Time", () => {
    const entries = [
      e("late-2024-utc", "2024-12-31T16:30:00Z"), // 2025-01-01 00:30 in Chongqing: a 2025 entry
      e("end-2024", "2024-12-31T23:59:59+08:00"),
      e("priority-2025", "2025-06-01T09:00:00+08:00", true),
    ];
    expect(rankWaitingList(entries)).toEqual(["end-2024", "priority-2025", "late-2024-utc"]);
  });

  it("within a year: priority households first; within each group legacy lottery ranks, then acceptance time", () => {
    const entries = [
      e("ordinary-early", "2024-01-05T09:00:00+08:00"),
      e("ordinary-legacy-2", "2024-03-01T09:00:00+08:00", false, 2),
      e("priority-late", "2024-11-01T09:00:00+08:00", true),
      e("ordinary-legacy-1", "2024-05-01T09:00:00+08:00", false, 1),
      e("priority-legacy", "2024-06-01T09:00:00+08:00", true, 5),
      e("ordinary-late", "2024-12-01T09:00:00+08:00"),
    ];
    expect(rankWaitingList(entries)).toEqual([
      "priority-legacy", "priority-late", "ordinary-legacy-1", "ordinary-legacy-2", "ordinary-early", "ordinary-late",
    ]);
  });

  it("compares instants, not strings, and breaks remaining ties by id", () => {
    const entries = [
      e("b", "2025-03-01T10:00:00+08:00"),
      e("a", "2025-03-01T02:00:00Z"),
      e("c", "2025-03-01T01:59:59.999999Z"),
      e("d", "2025-03-01T01:59:59.9999991Z"),
    ];
    // a and b are the same instant: tie broken by id.
    expect(rankWaitingList(entries)).toEqual(["c", "d", "a", "b"]);
  });

  it("invalid input throws a RangeError naming the field", () => {
    expect(() => rankWaitingList([e("x", "2025-03-01 10:00")])).toThrow(/entries\[0\]\.acceptedAt/);
    expect(() => rankWaitingList([e("x", "2025-03-01T10:00:00")])).toThrow(RangeError); // no offset
    expect(() => rankWaitingList([e("x", "2025-02-29T10:00:00+08:00")])).toThrow(RangeError);
    expect(() => rankWaitingList([e("x", "2025-03-01T10:00:00+08:00", false, -1)])).toThrow(/legacyLotteryRank/);
    expect(() => rankWaitingList([e("x", "2025-03-01T10:00:00+08:00"), e("x", "2025-03-02T10:00:00+08:00")])).toThrow(/twice/);
  });

  const arbEntries = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }),
      ms: fc.integer({ min: Date.UTC(2021, 0, 1), max: Date.UTC(2027, 0, 1) }),
      priority: fc.boolean(),
      legacyLotteryRank: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      offsetHours: fc.integer({ min: -11, max: 12 }),
    }),
    { selector: (r) => r.id, maxLength: 80 },
  );

  function isoWithOffset(ms: number, offsetHours: number): string {
    const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 23);
    const sign = offsetHours < 0 ? "-" : "+";
    return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, "0")}:00`;
  }

  it("properties: a permutation of the ids, the same whatever the input order, and year then priority monotone", () => {
    fc.assert(
      fc.property(arbEntries, fc.nat(), (raw, salt) => {
        const entries = raw.map((r) => e(r.id, isoWithOffset(r.ms, r.offsetHours), r.priority, r.legacyLotteryRank));
        const ranked = rankWaitingList(entries);
        expect([...ranked].sort()).toEqual(entries.map((x) => x.id).sort());
        const reordered = [...entries].sort((a, b) => ((a.id.charCodeAt(0) * (salt + 7)) % 13) - ((b.id.charCodeAt(0) * (salt + 7)) % 13)).reverse();
        expect(rankWaitingList(reordered)).toEqual(ranked);
        const byId = new Map(raw.map((r) => [r.id, r]));
        const key = (id: string) => {
          const r = byId.get(id)!;
          return new Date(r.ms + 8 * 3_600_000).getUTCFullYear() * 2 + (r.priority ? 0 : 1);
        };
        for (let i = 1; i < ranked.length; i++) expect(key(ranked[i - 1]!)).toBeLessThanOrEqual(key(ranked[i]!));
      }),
    );
  });

  it("agrees with a plain comparator transcription of the order", () => {
    fc.assert(
      fc.property(arbEntries, (raw) => {
        const entries = raw.map((r) => e(r.id, isoWithOffset(r.ms, r.offsetHours), r.priority, r.legacyLotteryRank));
        const year = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCFullYear();
        const expected = [...raw]
          .sort((a, b) =>
            year(a.ms) - year(b.ms) ||
            Number(b.priority) - Number(a.priority) ||
            Number(a.legacyLotteryRank === null) - Number(b.legacyLotteryRank === null) ||
            (a.legacyLotteryRank ?? 0) - (b.legacyLotteryRank ?? 0) ||
            (a.legacyLotteryRank === null ? a.ms - b.ms : 0) ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          )
          .map((r) => r.id);
        expect(rankWaitingList(entries)).toEqual(expected);
      }),
    );
  });
});
