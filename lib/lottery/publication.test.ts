import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawLottery, reservedPriorityUnits, type LotteryEntrant } from "@/lib/rules/lottery";
import {
  compareByteOrder,
  drawSeed,
  entrantsFile,
  parseEntrantsFile,
  parseResultFile,
  resultFile,
  resultLines,
  sha256Hex,
  type FormatProblemCode,
} from "./publication";
import { seededRandom } from "../../tests/support/seeded-random";

// Art. 23: the draw, the stock and the results are public. These tests pin the bytes of
// entrants.txt and result.txt (shared/docs/lottery-publication.md), which tools outside the portal read.

const hex = (text: string): string => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
// `sort` in the C locale compares bytes.
const cSort = (lines: string[]): string[] => [...lines].sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
const e = (applicationNo: string, priority = false): LotteryEntrant => ({ applicationNo, priority });

// Upper and lower case, digits, punctuation, CJK, fullwidth (U+FF21) and astral (U+20000, emoji):
// the characters whose code-unit, locale and byte orders disagree.
const ALPHABET = ["A", "Z", "a", "z", "0", "1", "9", "-", "_", "G", "渝", "Ａ", "\u{20000}", "😀", "\uE000"];
function randomNo(rand: () => number): string {
  const length = 1 + Math.floor(rand() * 6);
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

describe("compareByteOrder (Art. 23: sorted as `sort` does in the C locale)", () => {
  it.each([
    ["GZF-500103-2026-000010", "GZF-500103-2026-00002", -1], // numerically 10 > 2, bytewise "0" < "2"
    ["GZF-500103-2026-00001", "GZF-500103-2026-000010", -1], // a prefix sorts first
    ["GZF-500103-2026-000001", "gzf-500103-2026-000000", -1], // upper case before lower
    ["Z", "a", -1],
    ["Ａ", "\u{20000}", -1], // U+FF21 is EF BC A1; U+20000 is F0 A0 80 80, though its UTF-16 sorts first
    ["\uE000", "😀", -1],
    ["渝", "z", 1],
    ["same", "same", 0],
  ])("%s vs %s is %i", (a, b, expected) => {
    expect(Math.sign(compareByteOrder(a, b))).toBe(expected);
    expect(Math.sign(compareByteOrder(b, a))).toBe(0 - expected);
    expect(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)))).toBe(expected);
  });

  it("agrees with Buffer.compare on random strings", () => {
    const rand = seededRandom(23);
    for (let i = 0; i < 5000; i++) {
      const a = randomNo(rand);
      const b = rand() < 0.3 ? a + randomNo(rand) : randomNo(rand);
      expect(Math.sign(compareByteOrder(a, b)), `${a} vs ${b}`).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });
});

describe("entrants.txt (Art. 23)", () => {
  it.each<[string, LotteryEntrant[], string]>([
    ["an empty pool is the empty file", [], ""],
    ["one entrant: the line ends with \\n", [e("GZF-500106-2026-000001", true)], "GZF-500106-2026-000001,P\n"],
    [
      "byte order, not number or locale order",
      [e("GZF-500103-2026-00002"), e("GZF-500103-2026-000010", true), e("GZF-500103-2026-00001")],
      "GZF-500103-2026-00001,G\nGZF-500103-2026-000010,P\nGZF-500103-2026-00002,G\n",
    ],
    ["upper case before lower case", [e("gzf-1"), e("GZF-2", true), e("Gzf-3")], "GZF-2,P\nGzf-3,G\ngzf-1,G\n"],
    ["UTF-8 byte order above U+FFFF", [e("\u{20000}1"), e("Ａ1", true), e("渝1")], "渝1,G\nＡ1,P\n\u{20000}1,G\n"],
  ])("%s", (_name, entrants, expected) => {
    expect(entrantsFile(entrants)).toBe(expected);
    expect(entrantsFile([...entrants].reverse())).toBe(expected);
  });

  it("the byte-order case really differs from locale and numeric order", () => {
    const nos = ["GZF-500103-2026-00002", "GZF-500103-2026-000010", "gzf-1", "GZF-2"];
    const locale = [...nos].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    const bytes = [...nos].sort(compareByteOrder);
    expect(bytes).toEqual(cSort(nos));
    expect(locale).not.toEqual(bytes);
  });

  it("throws on a number listed twice", () => {
    expect(() => entrantsFile([e("A1"), e("A2"), e("A1", true)])).toThrow(/twice/);
  });

  it.each(["", "A,1", "A 1", "A\n1", "A\r", "\uD800"])("throws on the unpublishable number %j", (no) => {
    expect(() => entrantsFile([e(no)])).toThrow(RangeError);
  });

  it("its SHA-256 is that of the exact bytes (what `sha256sum entrants.txt` prints)", () => {
    const text = entrantsFile([e("渝-1", true), e("渝-2")]);
    expect(sha256Hex(text)).toBe(hex(text));
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("parseEntrantsFile reports every format problem without throwing", () => {
  it.each<[string, string, [number, FormatProblemCode][]]>([
    ["the empty file", "", []],
    ["a good file", "A,P\nB,G\n", []],
    ["no newline after the last line", "A,P\nB,G", [[2, "missing-newline"]]],
    ["CRLF line ends", "A,P\r\nB,G\r\n", [[1, "carriage-return"], [2, "carriage-return"]]],
    ["out of byte order", "B,P\nA,G\n", [[2, "unsorted"]]],
    ["lower case before upper case", "a,P\nB,G\n", [[2, "unsorted"]]],
    ["a number twice", "A,P\nA,G\n", [[2, "duplicate"]]],
    ["a number twice, apart", "A,P\nB,G\nA,G\n", [[3, "duplicate"]]],
    ["a kind other than P or G", "A,p\nB,X\n", [[1, "bad-kind"], [2, "bad-kind"]]],
    ["one field", "A\n", [[1, "field-count"]]],
    ["three fields", "A,P,1\n", [[1, "field-count"]]],
    ["an empty line", "A,P\n\nB,G\n", [[2, "field-count"]]],
    ["an empty number", ",P\n", [[1, "bad-number"]]],
    ["a number with a space", "A 1,P\n", [[1, "bad-number"]]],
  ])("%s", (_name, text, expected) => {
    const { problems } = parseEntrantsFile(text);
    expect(problems.map((p) => [p.line, p.code])).toEqual(expected);
    for (const p of problems) expect(p.message).toMatch(/\p{Script=Han}/u);
  });

  it("returns the rows it could read", () => {
    expect(parseEntrantsFile("B,P\nA,G\nC,X\nD,G").rows).toEqual([e("B", true), e("A"), e("D")]);
  });
});

describe("result.txt (Art. 23): winners in housing order, then the waitlist in general-round order", () => {
  const seed = drawSeed("c0ffee-secret-0001", "07 19 23 31 42");
  const pool = [
    e("GZF-500106-2026-000001", true),
    e("GZF-500106-2026-000002"),
    e("GZF-500106-2026-000003", true),
    e("GZF-500106-2026-000004"),
    e("GZF-500106-2026-000005"),
    e("GZF-500106-2026-000006", true),
    e("GZF-500106-2026-000007"),
    e("GZF-500106-2026-000008", true),
    e("GZF-500106-2026-000009"),
    e("GZF-500106-2026-000010"),
  ];

  it("drawSeed joins the secret and the beacon with a colon", () => {
    expect(seed).toBe("c0ffee-secret-0001:07 19 23 31 42");
  });

  it.each([
    [4, 0.5],
    [3, 0],
    [10, 1],
    [0, 0.5],
    [20, 0.3],
    [5, 0.3],
  ])("%i units, priority share %f", (units, share) => {
    const rows = resultLines(seed, pool, units, share);
    const byTicket = (nos: string[]): string[] => [...nos].sort((a, b) => (hex(`${seed}:${a}`) < hex(`${seed}:${b}`) ? -1 : 1));
    const reserved = Math.floor(units * share + 1e-9);
    const priorityWinners = byTicket(pool.filter((p) => p.priority).map((p) => p.applicationNo)).slice(0, reserved);
    const generalOrder = byTicket(pool.map((p) => p.applicationNo).filter((no) => !priorityWinners.includes(no)));
    const generalWinners = generalOrder.slice(0, Math.min(units, pool.length) - priorityWinners.length);
    const expected = [
      ...priorityWinners.map((no) => [no, "PRIORITY"]),
      ...generalWinners.map((no) => [no, "GENERAL"]),
      ...generalOrder.slice(generalWinners.length).map((no) => [no, "WAITLIST"]),
    ];
    expect(rows.map((r) => [r.applicationNo, r.outcome])).toEqual(expected);
    expect(rows.map((r) => r.rank)).toEqual(pool.map((_, i) => i + 1));
    for (const r of rows) expect(r.ticket).toBe(hex(`${seed}:${r.applicationNo}`));
    // The same as drawLottery's own lists.
    const draw = drawLottery({ seed, entrants: pool, units, priorityShare: share });
    expect(rows.filter((r) => r.outcome !== "WAITLIST").map((r) => ({ applicationNo: r.applicationNo, round: r.outcome }))).toEqual(draw.winners);
    expect(rows.filter((r) => r.outcome === "WAITLIST").map((r) => r.applicationNo)).toEqual(draw.waitlist);
  });

  it("formats one line per row: rank,applicationNo,ticket,outcome\\n", () => {
    const rows = resultLines(seed, pool.slice(0, 2), 1, 0);
    const [first, second] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(resultFile(rows)).toBe(
      `1,${first.applicationNo},${hex(`${seed}:${first.applicationNo}`)},GENERAL\n2,${second.applicationNo},${hex(`${seed}:${second.applicationNo}`)},WAITLIST\n`,
    );
    expect(resultFile([])).toBe("");
  });

  it("throws on a number listed twice", () => {
    expect(() => resultLines(seed, [...pool, e("GZF-500106-2026-000001")], 3, 0)).toThrow(/twice/);
  });

  it("the spec's shell recipe gives the general-round order", () => {
    const text = entrantsFile(pool);
    const units = 5;
    const share = 0.4;
    const rows = resultLines(seed, parseEntrantsFile(text).rows, units, share);
    // while IFS=, read -r no kind; do printf '%s  %s\n' "$(printf '%s' "$SEED:$no" | sha256sum | cut -c1-64)" "$no"; done < entrants.txt | sort
    const recipe = cSort(
      text
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => {
          const no = line.split(",")[0]!;
          return `${hex(`${seed}:${no}`)}  ${no}`;
        }),
    ).map((line) => line.slice(66));
    const kinds = new Map(pool.map((p) => [p.applicationNo, p.priority]));
    const reserved = reservedPriorityUnits(units, share);
    const priorityWinners = recipe.filter((no) => kinds.get(no)).slice(0, reserved);
    expect(rows.filter((r) => r.outcome === "PRIORITY").map((r) => r.applicationNo)).toEqual(priorityWinners);
    expect(rows.filter((r) => r.outcome !== "PRIORITY").map((r) => r.applicationNo)).toEqual(recipe.filter((no) => !priorityWinners.includes(no)));
    expect(rows.filter((r) => r.outcome === "GENERAL")).toHaveLength(units - reserved);
  });
});

describe("parseResultFile reports every format problem without throwing", () => {
  const t = "a".repeat(64);
  it.each<[string, string, [number, FormatProblemCode][]]>([
    ["the empty file", "", []],
    ["a good file", `1,A,${t},PRIORITY\n2,B,${t},GENERAL\n3,C,${t},WAITLIST\n`, []],
    ["no newline after the last line", `1,A,${t},GENERAL`, [[1, "missing-newline"]]],
    ["ranks not from 1", `2,A,${t},GENERAL\n`, [[1, "bad-rank"]]],
    ["a rank with a leading zero", `01,A,${t},GENERAL\n`, [[1, "bad-rank"]]],
    ["ranks out of order", `2,A,${t},GENERAL\n1,B,${t},GENERAL\n`, [[1, "bad-rank"], [2, "bad-rank"]]],
    ["an upper-case ticket", `1,A,${"A".repeat(64)},GENERAL\n`, [[1, "bad-ticket"]]],
    ["a short ticket", `1,A,${t.slice(1)},GENERAL\n`, [[1, "bad-ticket"]]],
    ["an unknown outcome", `1,A,${t},WINNER\n`, [[1, "bad-outcome"]]],
    ["a winner after the waitlist", `1,A,${t},WAITLIST\n2,B,${t},GENERAL\n`, [[2, "outcome-order"]]],
    ["a priority winner after a general one", `1,A,${t},GENERAL\n2,B,${t},PRIORITY\n`, [[2, "outcome-order"]]],
    ["a number twice", `1,A,${t},GENERAL\n2,A,${t},WAITLIST\n`, [[2, "duplicate"]]],
    ["three fields", `1,A,${t}\n`, [[1, "field-count"]]],
  ])("%s", (_name, text, expected) => {
    expect(parseResultFile(text).problems.map((p) => [p.line, p.code])).toEqual(expected);
  });
});

describe("property: random pools (seeded, the same on every run)", () => {
  it("parse(format(x)) round-trips and result.txt ranks every entrant exactly once", () => {
    const rand = seededRandom(2026);
    const shares = [0, 0.1, 0.25, 0.3, 0.5, 1];
    for (let iteration = 0; iteration < 300; iteration++) {
      const size = Math.floor(rand() * 60);
      const nos = new Set<string>();
      while (nos.size < size) nos.add(randomNo(rand));
      const pool = [...nos].map((no) => e(no, rand() < 0.3));
      const units = Math.floor(rand() * 70);
      const share = rand() < 0.8 ? shares[Math.floor(rand() * shares.length)]! : rand();
      const seed = drawSeed(`secret-${iteration}-${rand()}`, randomNo(rand));

      const text = entrantsFile(pool);
      const parsed = parseEntrantsFile(text);
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.map((r) => r.applicationNo)).toEqual(cSort([...nos]));
      expect(new Map(parsed.rows.map((r) => [r.applicationNo, r.priority]))).toEqual(new Map(pool.map((p) => [p.applicationNo, p.priority])));
      expect(entrantsFile(parsed.rows)).toBe(text);
      expect(text.length === 0 || text.endsWith("\n")).toBe(true);

      const rows = resultLines(seed, parsed.rows, units, share);
      const file = resultFile(rows);
      const back = parseResultFile(file);
      expect(back.problems).toEqual([]);
      expect(back.rows).toEqual(rows);
      expect(rows.map((r) => r.rank)).toEqual(pool.map((_, i) => i + 1));
      expect(cSort(rows.map((r) => r.applicationNo))).toEqual(cSort([...nos]));
      const priorityCount = pool.filter((p) => p.priority).length;
      const priorityWins = rows.filter((r) => r.outcome === "PRIORITY");
      expect(priorityWins).toHaveLength(Math.min(reservedPriorityUnits(units, share), priorityCount));
      for (const r of priorityWins) expect(nos.has(r.applicationNo) && pool.find((p) => p.applicationNo === r.applicationNo)?.priority).toBe(true);
      expect(rows.filter((r) => r.outcome !== "WAITLIST")).toHaveLength(Math.min(units, size));
      // Entrants' order in the input does not matter.
      expect(resultFile(resultLines(seed, [...pool].reverse(), units, share))).toBe(file);
    }
  });
});
