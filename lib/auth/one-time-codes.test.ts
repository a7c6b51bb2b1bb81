import { describe, expect, it } from "vitest";
import { hashOneTimeCode, newActivationCode, normalizeActivationCode, sameCodeHash } from "./one-time-codes";

describe("activation codes", () => {
  it("are two groups of five unambiguous characters, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newActivationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
      expect(normalizeActivationCode(code)).toBe(code);
    }
  });

  it.each([
    ["k7qpm-2xw9d", "K7QPM-2XW9D"],
    ["K7QPM 2XW9D", "K7QPM-2XW9D"],
    [" K7QPM2XW9D ", "K7QPM-2XW9D"],
    ["Ｋ７ＱＰＭ－２ＸＷ９Ｄ", "K7QPM-2XW9D"],
    ["K7QPM-2XW9", null],
    ["K7QPM-2XW9DD", null],
    ["K0QPM-2XW9D", null],
    ["K1QPM-2XW9D", null],
    ["", null],
  ])("reads %j as %j", (typed, expected) => {
    expect(normalizeActivationCode(typed)).toBe(expected);
  });

  it("are stored as a keyed hash bound to their purpose", () => {
    const code = newActivationCode();
    const hash = hashOneTimeCode("staff-activation:a", code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code);
    expect(sameCodeHash(hash, hashOneTimeCode("staff-activation:a", code))).toBe(true);
    expect(sameCodeHash(hash, hashOneTimeCode("staff-activation:b", code))).toBe(false);
    expect(sameCodeHash(hash, "")).toBe(false);
  });
});
