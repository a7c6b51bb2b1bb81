import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LotteryEntrant } from "@/lib/rules/lottery";
import { drawSeed, entrantsFile, resultFile, resultLines } from "./publication";
import { CHECK_IDS, drawJsonSchema, verifyDraw, type CheckId, type DrawJson, type VerifyInput } from "./verify";

// Art. 23: anyone can check a draw from its public files. A genuine draw passes every check, and
// each way of tampering with it fails exactly the checks that should catch it.

const hex = (text: string): string => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

const SECRET = "3f9a1c7e5b2d4086a1e3c5b7d9f02468";
const BEACON = "07 19 23 31 42 08";
const POOL: LotteryEntrant[] = Array.from({ length: 40 }, (_, i) => ({
  applicationNo: `GZF-500106-2026-${String(i + 1).padStart(6, "0")}`,
  priority: i % 4 === 0,
}));

/** A draw as the portal would publish it, built independently of verifyDraw. */
function genuine(options: { pool?: LotteryEntrant[]; secret?: string; beacon?: string; units?: number; priorityShare?: number } = {}): Required<VerifyInput> & { resultText: string } {
  const pool = options.pool ?? POOL;
  const secret = options.secret ?? SECRET;
  const beacon = options.beacon ?? BEACON;
  const units = options.units ?? 12;
  const priorityShare = options.priorityShare ?? 0.25;
  const entrantsText = entrantsFile(pool);
  const seed = `${secret}:${beacon}`;
  const draw: DrawJson = {
    drawId: "2026-0001",
    planId: "plan-1",
    planTitle: "2026 年第一批公租房配租",
    estateName: "民心佳园",
    districtCode: "500106",
    unitType: "TWO_BEDROOM",
    units,
    priorityShare,
    status: "DRAWN",
    committedAt: "2026-12-01T10:00:00+08:00",
    entrantCount: pool.length,
    priorityEntrantCount: pool.filter((p) => p.priority).length,
    entrantsSha256: hex(entrantsText),
    seedCommitment: hex(secret),
    beaconSource: "公证员在摇号现场宣读的数字",
    drawnAt: "2026-12-08T09:30:00+08:00",
    seedSecret: secret,
    beacon,
    seed,
    cancelledAt: null,
    cancelReason: null,
  };
  return { draw, entrantsText, resultText: resultFile(resultLines(seed, pool, units, priorityShare)) };
}

const failed = (input: VerifyInput): CheckId[] => verifyDraw(input).checks.filter((c) => !c.ok).map((c) => c.id);
const detail = (input: VerifyInput, id: CheckId): string => verifyDraw(input).checks.find((c) => c.id === id)?.detail ?? "";
const lines = (text: string): string[] => text.split("\n").slice(0, -1);
const unlines = (ls: string[]): string => ls.map((l) => `${l}\n`).join("");
/** Re-hash the entrants file as a portal publishing it would, so only the format problem shows. */
const rehashed = (input: VerifyInput): VerifyInput => ({ ...input, draw: { ...input.draw, entrantsSha256: hex(input.entrantsText) } });

describe("verifyDraw: a genuine draw", () => {
  it("passes every check, in the stable order", () => {
    const result = verifyDraw(genuine());
    expect(result.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(detail(genuine(), "commitment")).toMatch(/^种子承诺一致/);
    for (const c of result.checks) expect(c.detail).toMatch(/\p{Script=Han}/u);
  });

  it("the fixture is a real draw: the spec's JSON shape, both rounds and a waitlist", () => {
    const g = genuine();
    expect(drawJsonSchema.parse(g.draw)).toEqual(g.draw);
    const outcomes = lines(g.resultText).map((l) => l.split(",")[3]);
    expect(outcomes.filter((o) => o === "PRIORITY")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "GENERAL")).toHaveLength(9);
    expect(outcomes.filter((o) => o === "WAITLIST")).toHaveLength(28);
  });

  it.each([
    ["an empty pool", { pool: [] }],
    ["more units than entrants", { units: 100, priorityShare: 0.5 }],
    ["no priority share", { priorityShare: 0 }],
    ["a Chinese beacon", { beacon: "双色球第2026140期：03 09 14 22 27 31 + 11" }],
  ])("passes with %s", (_name, options) => {
    expect(failed(genuine(options))).toEqual([]);
  });

  it("compares times as instants, across offsets", () => {
    const g = genuine();
    expect(failed({ ...g, draw: { ...g.draw, drawnAt: "2026-12-01T02:00:01Z" } })).toEqual([]);
    expect(failed({ ...g, draw: { ...g.draw, drawnAt: "2026-12-01T01:59:59Z" } })).toEqual(["times"]);
  });
});

describe("verifyDraw: each kind of tampering fails exactly the right checks", () => {
  const g = genuine();
  const resultRows = lines(g.resultText);

  const swapFields = (ls: string[], a: number, b: number): string[] => {
    // Swap who holds ranks a and b, keeping the rank and outcome columns: a favoured applicant moved up.
    const out = [...ls];
    const [ra, noA, tA, oA] = out[a - 1]!.split(",");
    const [rb, noB, tB, oB] = out[b - 1]!.split(",");
    out[a - 1] = [ra, noB, tB, oA].join(",");
    out[b - 1] = [rb, noA, tA, oB].join(",");
    return out;
  };
  const alterTicket = (ls: string[], rank: number): string[] =>
    ls.map((l, i) => {
      if (i !== rank - 1) return l;
      const [r, no, t, o] = l.split(",") as [string, string, string, string];
      return [r, no, (t[0] === "0" ? "1" : "0") + t.slice(1), o].join(",");
    });

  const otherSecret = "0000aaaa1111bbbb2222cccc3333dddd";
  const regrind = genuine({ secret: otherSecret });
  const otherBeacon = genuine({ beacon: "99 98 97" });
  const extra: LotteryEntrant = { applicationNo: "GZF-500106-2026-000099", priority: true };
  const withExtra = genuine({ pool: [...POOL, extra] });
  const entrantLines = lines(g.entrantsText);
  const missingOne = unlines(entrantLines.filter((_, i) => i !== 7));
  const unsorted = unlines([entrantLines[1]!, entrantLines[0]!, ...entrantLines.slice(2)]);
  const duplicated = unlines([...entrantLines.slice(0, 5), entrantLines[4]!, ...entrantLines.slice(5)]);

  it.each<[string, VerifyInput, CheckId[]]>([
    // The secret: revealing another one than was committed to (say, one ground after the beacon).
    ["another secret, drawn with consistently", { ...regrind, draw: { ...regrind.draw, seedCommitment: g.draw.seedCommitment } }, ["commitment"]],
    ["another secret published, the result drawn with the committed one", { ...g, draw: { ...g.draw, seedSecret: otherSecret } }, ["commitment", "seed", "result"]],
    // The seed and the beacon.
    ["a seed other than secret:beacon", { ...g, draw: { ...g.draw, seed: `${SECRET}:00` } }, ["seed"]],
    ["the result drawn with another beacon than the published one", { ...otherBeacon, draw: { ...otherBeacon.draw, beacon: BEACON } }, ["seed", "result"]],
    // The result.
    ["two ranks' holders swapped", { ...g, resultText: unlines(swapFields(resultRows, 3, 20)) }, ["result"]],
    ["two result lines swapped", { ...g, resultText: unlines([resultRows[1]!, resultRows[0]!, ...resultRows.slice(2)]) }, ["result-format", "result"]],
    ["an altered ticket", { ...g, resultText: unlines(alterTicket(resultRows, 5)) }, ["result"]],
    ["the last result line missing", { ...g, resultText: unlines(resultRows.slice(0, -1)) }, ["result"]],
    ["an extra result line", { ...g, resultText: `${g.resultText}41,GZF-500106-2026-000099,${"0".repeat(64)},WAITLIST\n` }, ["result"]],
    ["result.txt missing its last newline", { ...g, resultText: g.resultText.slice(0, -1) }, ["result-format", "result"]],
    ["a waitlisted entrant published as a winner", { ...g, resultText: g.resultText.replace(/^(13,[^,]+,[0-9a-f]+,)WAITLIST$/m, "$1GENERAL") }, ["result"]],
    ["a winner listed after the waitlist", { ...g, resultText: g.resultText.replace(/^(14,[^,]+,[0-9a-f]+,)WAITLIST$/m, "$1GENERAL") }, ["result-format", "result"]],
    ["result.txt not published after the draw", { ...g, resultText: null }, ["result-format", "result"]],
    // The pool.
    ["an entrant added after freezing, drawn with", { ...withExtra, draw: { ...withExtra.draw, entrantsSha256: g.draw.entrantsSha256, entrantCount: 40, priorityEntrantCount: 10 } }, ["entrants-hash", "entrant-counts"]],
    ["an entrant dropped from entrants.txt", { ...g, entrantsText: missingOne }, ["entrants-hash", "entrant-counts", "result"]],
    ["entrants.txt missing its last newline", { ...g, entrantsText: g.entrantsText.slice(0, -1) }, ["entrants-hash", "entrants-format"]],
    ["entrants.txt missing its last newline, hashed so", rehashed({ ...g, entrantsText: g.entrantsText.slice(0, -1) }), ["entrants-format"]],
    ["entrants.txt out of byte order, hashed so", rehashed({ ...g, entrantsText: unsorted }), ["entrants-format"]],
    ["entrants.txt listing a number twice, hashed and counted so", rehashed({ ...g, entrantsText: duplicated, draw: { ...g.draw, entrantCount: 41, priorityEntrantCount: 11 } }), ["entrants-format", "result"]],
    ["entrants.txt with CRLF line ends", { ...g, entrantsText: g.entrantsText.replaceAll("\n", "\r\n") }, ["entrants-hash", "entrants-format"]],
    ["a wrong entrantCount", { ...g, draw: { ...g.draw, entrantCount: 41 } }, ["entrant-counts"]],
    ["a wrong priorityEntrantCount", { ...g, draw: { ...g.draw, priorityEntrantCount: 9 } }, ["entrant-counts"]],
    ["a wrong entrantsSha256", { ...g, draw: { ...g.draw, entrantsSha256: hex("x") } }, ["entrants-hash"]],
    // The times.
    ["drawnAt before committedAt", { ...g, draw: { ...g.draw, drawnAt: "2026-11-30T09:30:00+08:00" } }, ["times"]],
    ["drawnAt equal to committedAt", { ...g, draw: { ...g.draw, drawnAt: g.draw.committedAt } }, ["times"]],
    ["drawnAt without an offset", { ...g, draw: { ...g.draw, drawnAt: "2026-12-08T09:30:00" } }, ["times"]],
    ["drawnAt missing", { ...g, draw: { ...g.draw, drawnAt: null } }, ["times"]],
    // The numbers: units and share are part of the draw.
    ["a different number of units", { ...g, draw: { ...g.draw, units: 13 } }, ["result"]],
    ["a different priority share", { ...g, draw: { ...g.draw, priorityShare: 0.5 } }, ["result"]],
  ])("%s", (_name, input, expected) => {
    const result = verifyDraw(input);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(expected);
    expect(result.ok).toBe(false);
  });

  it("reports the first differing rank", () => {
    expect(detail({ ...g, resultText: unlines(swapFields(resultRows, 3, 20)) }, "result")).toMatch(/^中签结果与重算结果在第 3 名不一致/);
    expect(detail({ ...g, resultText: unlines(alterTicket(resultRows, 5)) }, "result")).toMatch(/^中签结果与重算结果在第 5 名不一致：.*摇号码/);
    expect(detail({ ...g, resultText: unlines(resultRows.slice(0, -1)) }, "result")).toMatch(/第 40 名不一致.*只有 39 行/);
    expect(detail({ ...g, resultText: unlines(resultRows.slice(0, 10)).slice(0, -1) }, "result")).toMatch(/第 11 名不一致.*只有 10 行/);
    expect(detail({ ...g, resultText: g.resultText.slice(0, -1) }, "result")).toMatch(/第 40 名之后缺少换行符/);
    expect(detail({ ...g, resultText: `${g.resultText}x\n` }, "result")).toMatch(/多于 40 行/);
  });

  it("names the problem lines of a malformed entrants file", () => {
    expect(detail(rehashed({ ...g, entrantsText: unsorted }), "entrants-format")).toMatch(/第 2 行未按字节序排列/);
    expect(detail(rehashed({ ...g, entrantsText: g.entrantsText.slice(0, -1) }), "entrants-format")).toMatch(/第 40 行最后一行没有以换行符结尾/);
  });

  it("the beacon is shown with its source, for a reader to compare (the files cannot prove it)", () => {
    const d = detail(otherBeacon, "seed");
    expect(d).toContain("99 98 97");
    expect(d).toContain(g.draw.beaconSource);
  });
});

describe("verifyDraw before or without a draw", () => {
  const g = genuine();
  const committed: VerifyInput = {
    ...g,
    resultText: null,
    draw: { ...g.draw, status: "COMMITTED", drawnAt: null, seedSecret: null, beacon: null, seed: null },
  };

  it("a COMMITTED draw: the pool checks run, the result checks do not, and it is not ok", () => {
    const result = verifyDraw(committed);
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
      ["entrants-hash", true],
      ["entrants-format", true],
      ["entrant-counts", true],
      ["status", false],
    ]);
    expect(result.ok).toBe(false);
    expect(detail(committed, "status")).toContain("尚未摇号");
  });

  it("a COMMITTED draw still shows a tampered pool", () => {
    expect(failed({ ...committed, entrantsText: g.entrantsText.slice(0, -1) })).toEqual(["entrants-hash", "entrants-format", "status"]);
    expect(failed({ ...committed, draw: { ...committed.draw, entrantCount: 39 } })).toEqual(["entrant-counts", "status"]);
  });

  it("a CANCELLED draw gives its reason", () => {
    const cancelled: VerifyInput = {
      ...committed,
      draw: { ...committed.draw, status: "CANCELLED", cancelledAt: "2026-12-05T16:00:00+08:00", cancelReason: "房源交付延期" },
    };
    const result = verifyDraw(cancelled);
    expect(result.ok).toBe(false);
    expect(result.checks.map((c) => c.id)).toEqual(["entrants-hash", "entrants-format", "entrant-counts", "status"]);
    expect(failed(cancelled)).toEqual(["status"]);
    expect(detail(cancelled, "status")).toContain("已取消");
    expect(detail(cancelled, "status")).toContain("房源交付延期");
  });

  it("a DRAWN draw without its secret or beacon cannot be checked", () => {
    expect(failed({ ...g, draw: { ...g.draw, seedSecret: null } })).toEqual(["commitment", "seed", "result"]);
    expect(failed({ ...g, draw: { ...g.draw, beacon: null } })).toEqual(["seed", "result"]);
  });
});

describe("drawJsonSchema", () => {
  const g = genuine();
  it.each<[string, Record<string, unknown>]>([
    ["an unknown status", { status: "OPEN" }],
    ["fractional units", { units: 1.5 }],
    ["a share above 1", { priorityShare: 1.2 }],
    ["a missing commitment", { seedCommitment: undefined }],
    ["a numeric drawId", { drawId: 7 }],
  ])("rejects %s", (_name, change) => {
    expect(drawJsonSchema.safeParse({ ...g.draw, ...change }).success).toBe(false);
  });
});

describe("property: random genuine draws verify, and a changed ticket never does", () => {
  it("for seeded random pools", () => {
    let state = 7;
    const rand = (): number => {
      // xorshift32: enough for test data, the same on every run
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    for (let i = 0; i < 60; i++) {
      const size = 1 + Math.floor(rand() * 50);
      const pool = Array.from({ length: size }, (_, k) => ({ applicationNo: `GZF-500${Math.floor(rand() * 1000)}-2026-${k}`, priority: rand() < 0.25 }));
      const input = genuine({ pool, secret: `s${rand()}`, beacon: `b${rand()}`, units: Math.floor(rand() * 60), priorityShare: Math.floor(rand() * 5) / 4 });
      expect(verifyDraw(input).ok).toBe(true);
      const ls = lines(input.resultText);
      const rank = 1 + Math.floor(rand() * ls.length);
      const [r, no, t, o] = ls[rank - 1]!.split(",") as [string, string, string, string];
      ls[rank - 1] = [r, no, [...t].reverse().join(""), o].join(",");
      if (ls[rank - 1] === lines(input.resultText)[rank - 1]) continue; // a palindrome ticket: no change
      expect(failed({ ...input, resultText: unlines(ls) })).toEqual(["result"]);
      expect(detail({ ...input, resultText: unlines(ls) }, "result")).toContain(`第 ${rank} 名不一致`);
    }
  });
});

// drawSeed is the spec's join; a verifier that used another join would pass nothing above.
it("drawSeed is secret:beacon", () => {
  expect(drawSeed(SECRET, BEACON)).toBe(`${SECRET}:${BEACON}`);
});
