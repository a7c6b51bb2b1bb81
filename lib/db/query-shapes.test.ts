import { describe, expect, it } from "vitest";
import { matchingLines, scan, sourceFiles } from "@/tests/support/source-scan";

// Two Prisma query shapes read a whole table on every call, whatever the page asks for
// (docs/decisions/014):
// - a relation count in a select (`_count: { select: { members: true } }`) becomes a LEFT JOIN on
//   `SELECT parentId, COUNT(*) FROM child GROUP BY parentId` over every row of the child table;
// - `distinct: [...]` reads every matching row and drops the duplicates in memory.
// Lists store what they show (Application.householdSize), count children for the page's ids
// (`groupBy` with `where: { parentId: { in: ids } }`) or group in SQL (`groupBy`). This scan fails
// on either shape anywhere in the portal's code.

const SCANNED = ["app", "components", "lib", "scripts", "bench"];
const SKIPPED = new Set(["lib/generated", "node_modules", ".next"]);

const WHOLE_TABLE_SHAPES = [/\b_count\s*:\s*\{\s*select\b/, /\bdistinct\s*:\s*\[/];

const wholeTableShapes = (source: string): string[] => matchingLines(source, WHOLE_TABLE_SHAPES);

describe("no query shape that reads a whole table", () => {
  it("recognises the shapes", () => {
    expect(wholeTableShapes("  _count: { select: { members: true } },")).toHaveLength(1);
    expect(wholeTableShapes("select: { id: true, _count: { select: { entries: true } } },")).toHaveLength(1);
    expect(wholeTableShapes('  distinct: ["year"],')).toHaveLength(1);
    expect(wholeTableShapes("  _count: { _all: true },")).toEqual([]);
    expect(wholeTableShapes("  householdSize: row._count.members,")).toEqual([]);
    expect(wholeTableShapes("// _count: { select: { members: true } } is what we avoid")).toEqual([]);
  });

  it("finds none in the code", () => {
    expect(sourceFiles("lib", SKIPPED, { tests: false }).length).toBeGreaterThan(100);
    expect(scan(SCANNED, SKIPPED, WHOLE_TABLE_SHAPES, { tests: false })).toEqual([]);
  });
});
