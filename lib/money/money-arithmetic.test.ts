import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Money and floor areas have one home each (docs/decisions/010-money-and-areas.md): lib/money parses
// and formats them, lib/rules rounds them and crosses between dm² and the rules' m². Anywhere
// else, dividing or multiplying by 100, taking `% 100` or calling toFixed is a second, floating
// point or hand-made copy of that work. This scan of the application's sources (not the tests,
// which build their expected figures independently) fails on any of them, unless the line is
// listed below as what it is: a percentage, say. Every entry must still match a line, so the
// list cannot outlive what it excuses.

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["lib", "components", "app", "scripts", "i18n", "proxy.ts", "instrumentation.ts"];
const HOMES = ["lib/money/", "lib/rules/", "lib/generated/"];

const SUSPECT = [
  { re: /[/*%]\s*100n?(?![\w.])|(?<![\w.])100n?\s*\*(?![*/])/, what: "/ 100, * 100, 100 * or % 100" },
  { re: /\.toFixed\(/, what: ".toFixed(" },
] as const;

interface Excuse {
  file: string;
  line: RegExp;
  why: string;
}

const EXCUSED: Excuse[] = [
  { file: "components/shared-data/batch-detail.tsx", line: /\(detail\.written \/ total\) \* 100/, why: "a percentage of rows written" },
  { file: "components/shared-data/import-wizard.tsx", line: /\/ file\.size\) \* 100/, why: "a percentage of bytes uploaded" },
  { file: "components/applications/apply-stepper.tsx", line: /\/ APPLY_STEPS\.length\) \* 100/, why: "the width of the progress bar, in per cent" },
];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full, { throwIfNoEntry: false }) === undefined) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) => {
    const rel = `${entry}/${d.name}`;
    if (d.isDirectory()) return d.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.(ts|tsx|mts)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [rel] : [];
  });
}

/** The code of a line without its comment (a comment may well say "1 m² = 100 dm²"). */
function code(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith("*") || trimmed.startsWith("/*")) return "";
  return line.replace(/(^|[^:"'`])\/\/.*$/, "$1");
}

const files = SCANNED.flatMap(sourceFiles).filter((f) => !HOMES.some((home) => f.startsWith(home)));
const lines = files.flatMap((file) =>
  readFileSync(path.join(ROOT, file), "utf8")
    .split("\n")
    .map((text, i) => ({ file, no: i + 1, text, code: code(text) })),
);

describe("money and areas are worked out only in lib/money and lib/rules", () => {
  it("scans the application's sources", () => {
    expect(files).toContain("components/applications/review-step.tsx");
    expect(files.length).toBeGreaterThan(100);
  });

  it("finds what it looks for, and lets comments be", () => {
    expect(SUSPECT[0].re.test("(d.housingFloorAreaDm2 / 100)")).toBe(true);
    expect(SUSPECT[0].re.test("m.incomeYuan * 100,")).toBe(true);
    expect(SUSPECT[0].re.test("String(fen % 100)")).toBe(true);
    expect(SUSPECT[0].re.test("total / 100n")).toBe(true);
    expect(SUSPECT[0].re.test("const fen = 100 * yuan;")).toBe(true);
    expect(SUSPECT[1].re.test("(fen / 100).toFixed(2)")).toBe(true);
    expect(SUSPECT[0].re.test("max: 100_000, 1000 / 10, 100.5, 2100 * 3")).toBe(false);
    expect(code("const a = b; // 1 m² = 100 dm², divide by 100")).toBe("const a = b; ");
  });

  it("has no / 100, * 100, % 100 or toFixed on an amount outside its homes", () => {
    const found = lines
      .filter((l) => SUSPECT.some((s) => s.re.test(l.code)))
      .filter((l) => !EXCUSED.some((e) => e.file === l.file && e.line.test(l.text)))
      .map((l) => `${l.file}:${l.no}: ${l.text.trim()}`);
    expect(found, "use lib/money (parseFen, parseDm2, formatFen, formatDm2) or lib/rules (roundFen, areaM2FromDm2)").toEqual([]);
  });

  it.each(EXCUSED.map((e) => [`${e.file} (${e.why})`, e] as const))("still needs its excuse: %s", (_, excuse) => {
    expect(lines.some((l) => l.file === excuse.file && excuse.line.test(l.text) && SUSPECT.some((s) => s.re.test(l.code)))).toBe(true);
  });
});
