import { describe, expect, it } from "vitest";
import { cstDate, cstDateFromToday, cstInstant, daysBefore } from "./clock";

describe("cstInstant", () => {
  it("is the instant at that wall-clock time in China Standard Time (UTC+8)", () => {
    expect(cstInstant("2026-03-02", "10:00").toISOString()).toBe("2026-03-02T02:00:00.000Z");
    expect(cstInstant("2026-03-02").toISOString()).toBe("2026-03-02T02:00:00.000Z");
    expect(cstInstant("2026-03-02", "00:00").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(cstInstant("2025-06-23", "23:59:30").toISOString()).toBe("2025-06-23T15:59:30.000Z");
  });

  it("refuses impossible dates and times", () => {
    expect(() => cstInstant("2026-02-29")).toThrow(RangeError);
    expect(() => cstInstant("2026-03-02", "24:00")).toThrow(RangeError);
    expect(() => cstInstant("2026-03-02", "9:00")).toThrow(RangeError);
  });
});

describe("cstDate", () => {
  it("turns at midnight CST, 16:00 UTC", () => {
    expect(cstDate(new Date("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
    expect(cstDate(new Date("2026-03-01T16:00:00.000Z"))).toBe("2026-03-02");
    expect(cstDate(cstInstant("2026-12-31", "23:59"))).toBe("2026-12-31");
  });
});

describe("counting back from now", () => {
  const now = cstInstant("2026-03-02", "00:30");

  it("daysBefore subtracts whole days of 24 hours", () => {
    expect(daysBefore(3, now).toISOString()).toBe("2026-02-26T16:30:00.000Z");
    expect(daysBefore(0, now)).toEqual(now);
  });

  it("cstDateFromToday moves today's CST date by calendar days", () => {
    expect(cstDateFromToday(0, now)).toBe("2026-03-02");
    expect(cstDateFromToday(-2, now)).toBe("2026-02-28");
    expect(cstDateFromToday(1, now)).toBe("2026-03-03");
  });
});
