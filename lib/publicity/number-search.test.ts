import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeNumberQuery, numberPrefixRange } from "./number-search";

describe("normalizeNumberQuery", () => {
  it("writes the query as numbers are written", () => {
    expect(normalizeNumberQuery(" gzf-500103 ")).toBe("GZF-500103");
    expect(normalizeNumberQuery("ＧＺＦ－５００１０３")).toBe("GZF-500103");
    expect(normalizeNumberQuery("GZF–500103")).toBe("GZF-500103");
    expect(normalizeNumberQuery("")).toBe("");
    expect(normalizeNumberQuery(undefined)).toBe("");
  });
  it("gives null for text no number can begin with", () => {
    expect(normalizeNumberQuery("张三")).toBeNull();
    expect(normalizeNumberQuery("GZF%")).toBeNull();
    expect(normalizeNumberQuery("A".repeat(33))).toBeNull();
  });
});

describe("numberPrefixRange", () => {
  it("bounds a prefix by its successor", () => {
    expect(numberPrefixRange("GZF-500103-2026-0001")).toEqual({ from: "GZF-500103-2026-0001", below: "GZF-500103-2026-0002" });
    expect(numberPrefixRange("GZF-500109")).toEqual({ from: "GZF-500109", below: "GZF-50010A" });
    expect(numberPrefixRange("GZF-")).toEqual({ from: "GZF-", below: "GZG" });
    expect(numberPrefixRange("GZ")).toEqual({ from: "GZ", below: "H" });
    expect(numberPrefixRange("Z-Z")).toEqual({ from: "Z-Z", below: null });
  });

  const chars = fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-".split(""));
  const text = (min: number, max: number) => fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(""));

  it("holds every number that begins with the query (code-point order, as the C collation)", () => {
    fc.assert(
      fc.property(text(1, 8), text(0, 8), (query, rest) => {
        const value = query + rest;
        const { from, below } = numberPrefixRange(query);
        expect(value >= from).toBe(true);
        if (below !== null) expect(value < below).toBe(true);
      }),
    );
  });

  it("narrows to the query's own stretch: outside the range nothing begins with it", () => {
    fc.assert(
      fc.property(text(1, 6), text(1, 10), (query, value) => {
        const { from, below } = numberPrefixRange(query);
        const inside = value >= from && (below === null || value < below);
        if (!inside) expect(value.startsWith(query)).toBe(false);
      }),
    );
  });
});
