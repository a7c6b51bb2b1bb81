import { describe, expect, it } from "vitest";
import { searchWhere } from "./queue";

// The queue's search reads what an officer typed as what it is, so that each kind of search uses
// its own index at city scale (docs/decisions/014). A resident ID is not text here: it comes sealed
// (lib/search/resident-search-token.ts) and is searched by the members' index in listReviewQueue.
describe("searchWhere", () => {
  it.each([
    ["a whole application number (any case)", "gzf-500103-2026-000123", { applicationNo: "GZF-500103-2026-000123" }],
    ["a number with a longer sequence", "GZF-500103-2026-0001234", { applicationNo: "GZF-500103-2026-0001234" }],
  ])("%s", (_label, typed, where) => {
    expect(searchWhere(typed)).toEqual(where);
  });

  it.each([
    ["part of a number", "2026-0001"],
    ["a name", "张伟"],
    ["a resident ID with a wrong check digit", "110105194912310021"],
  ])("looks for %s in numbers and names", (_label, typed) => {
    expect(searchWhere(typed)).toEqual({ OR: [{ applicationNo: { contains: typed, mode: "insensitive" } }, { applicantName: { contains: typed } }] });
  });
});
