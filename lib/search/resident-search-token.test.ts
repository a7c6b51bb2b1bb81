import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { residentIdArbitrary } from "../../tests/support/arbitraries";
import { RESIDENT_SEARCH_TOKEN, RESIDENT_SEARCH_TTL_MS, openResidentSearch, sealResidentSearch } from "./resident-search-token";

// A search by resident ID rides in the address only as a sealed token (production hardening,
// part 2): it opens for the officer it was made for, within the hour, and never shows the number.
const NOW = new Date("2026-06-01T02:00:00Z");

describe("resident search tokens", () => {
  it("open to the same number for the same officer within the hour, and hide every digit (property)", () => {
    fc.assert(
      fc.property(residentIdArbitrary(), fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: RESIDENT_SEARCH_TTL_MS - 1 }), (id, userId, later) => {
        const token = sealResidentSearch(userId, id, NOW);
        expect(RESIDENT_SEARCH_TOKEN.test(token)).toBe(true);
        expect(token).not.toContain(id);
        expect(token).not.toContain(id.slice(6, 14));
        expect(openResidentSearch(token, userId, new Date(NOW.getTime() + later))).toEqual({ ok: true, residentId: id.toUpperCase() });
      }),
      { numRuns: 200 },
    );
  });

  it("differ each time for the same search, so a token does not tell two searches apart", () => {
    const id = "11010519491231002X";
    expect(sealResidentSearch("u1", id, NOW)).not.toBe(sealResidentSearch("u1", id, NOW));
  });

  it.each([
    ["another officer", (t: string) => openResidentSearch(t, "u2", NOW)],
    ["an hour later", (t: string) => openResidentSearch(t, "u1", new Date(NOW.getTime() + RESIDENT_SEARCH_TTL_MS))],
    ["one character changed", (t: string) => openResidentSearch(`${t.slice(0, 20)}${t[20] === "A" ? "B" : "A"}${t.slice(21)}`, "u1", NOW)],
    ["cut short", (t: string) => openResidentSearch(t.slice(0, 30), "u1", NOW)],
    ["not a token at all", () => openResidentSearch("not-a-token", "u1", NOW)],
    ["empty", () => openResidentSearch("", "u1", NOW)],
  ])("refuse %s", (_label, open) => {
    expect(open(sealResidentSearch("u1", "11010519491231002X", NOW))).toEqual({ ok: false });
  });
});
