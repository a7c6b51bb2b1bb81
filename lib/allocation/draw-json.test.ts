import { describe, expect, it } from "vitest";
import { drawJsonSchema } from "@/lib/lottery/verify";
import { cstIsoTime, drawJson, entrantResult, resultOutcome, type DrawRecord } from "./draw-json";

const record: DrawRecord = {
  id: "d1",
  planId: "p1",
  planTitle: "2026年第一批配租",
  estateName: "民心佳园",
  districtCode: "500106",
  unitType: "TWO_BEDROOM",
  unitsCount: 120,
  priorityShareBp: 2000,
  status: "COMMITTED",
  committedAt: new Date("2026-12-01T02:00:00.000Z"),
  entrantCount: 1830,
  priorityEntrantCount: 211,
  entrantsSha256: "a".repeat(64),
  seedCommitment: "b".repeat(64),
  beaconSource: "公证员现场宣读的数字",
  drawnAt: null,
  seedSecret: "c".repeat(64),
  beacon: null,
  seed: null,
  cancelledAt: null,
  cancelReason: null,
};

describe("the public Draw JSON", () => {
  it("writes times in China Standard Time with their offset and milliseconds", () => {
    expect(cstIsoTime(new Date("2026-12-01T02:00:00.000Z"))).toBe("2026-12-01T10:00:00.000+08:00");
    expect(cstIsoTime(new Date("2026-12-31T16:30:05.123Z"))).toBe("2027-01-01T00:30:05.123+08:00");
    expect(Date.parse(cstIsoTime(record.committedAt))).toBe(record.committedAt.getTime());
  });

  it("keeps the secret back until the draw, and has exactly the spec's keys in its order", () => {
    const json = drawJson(record);
    expect(json.seedSecret).toBeNull();
    expect(json.priorityShare).toBe(0.2);
    expect(json.committedAt).toBe("2026-12-01T10:00:00.000+08:00");
    expect(Object.keys(json)).toEqual([
      "drawId", "planId", "planTitle", "estateName", "districtCode", "unitType", "units", "priorityShare", "status", "committedAt",
      "entrantCount", "priorityEntrantCount", "entrantsSha256", "seedCommitment", "beaconSource", "drawnAt", "seedSecret", "beacon",
      "seed", "cancelledAt", "cancelReason",
    ]);
    expect(drawJsonSchema.parse(json)).toEqual(json);
    expect(JSON.stringify(json)).not.toContain("c".repeat(64));
  });

  it("reveals the secret, beacon and seed once drawn", () => {
    const drawnAt = new Date("2026-12-08T02:00:00.000Z");
    const json = drawJson({ ...record, status: "DRAWN", drawnAt, beacon: "12345", seed: `${"c".repeat(64)}:12345` });
    expect([json.seedSecret, json.beacon, json.seed, json.drawnAt]).toEqual(["c".repeat(64), "12345", `${"c".repeat(64)}:12345`, "2026-12-08T10:00:00.000+08:00"]);
  });

  it("shows a cancelled draw's reason, and never its secret", () => {
    const json = drawJson({ ...record, status: "CANCELLED", cancelledAt: new Date("2026-12-02T02:00:00.000Z"), cancelReason: "房源信息有误" });
    expect([json.cancelReason, json.cancelledAt, json.seedSecret]).toEqual(["房源信息有误", "2026-12-02T10:00:00.000+08:00", null]);
  });
});

describe("result outcomes and entrant rows", () => {
  it("map both ways", () => {
    for (const outcome of ["PRIORITY", "GENERAL", "WAITLIST"] as const) expect(resultOutcome(entrantResult(outcome))).toBe(outcome);
    expect(entrantResult("PRIORITY")).toEqual({ outcome: "WON", round: "PRIORITY" });
    expect(entrantResult("WAITLIST")).toEqual({ outcome: "WAITLISTED", round: null });
    expect(resultOutcome({ outcome: null, round: null })).toBeNull();
  });
});
