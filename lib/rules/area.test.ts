import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaDm2FromM2, areaM2FromDm2 } from "./area";

describe("floor areas between dm² (kept) and m² (EligibilityInput)", () => {
  it("gives the rules the m² a person would write", () => {
    expect(areaM2FromDm2(8_950)).toBe(89.5);
    expect(areaM2FromDm2(4_567)).toBe(45.67);
    expect(areaM2FromDm2(0)).toBe(0);
    expect(areaM2FromDm2(29)).toBe(0.29);
  });

  it("refuses what is not a whole number of dm²", () => {
    for (const bad of [-1, 0.5, Number.NaN, 2 ** 53]) expect(() => areaM2FromDm2(bad), String(bad)).toThrow(RangeError);
  });

  it("takes m² back to whole dm², forgiving binary noise and refusing finer figures", () => {
    expect(areaDm2FromM2(45.67)).toBe(4_567);
    expect(areaDm2FromM2(0.1 + 0.2)).toBe(30);
    expect(areaDm2FromM2(30.15 - 15.15)).toBe(1_500);
    expect(areaDm2FromM2(30.125)).toBeNull();
    expect(areaDm2FromM2(-1)).toBeNull();
    expect(areaDm2FromM2(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("round-trips every area (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (dm2) => areaDm2FromM2(areaM2FromDm2(dm2)) === dm2 && String(areaM2FromDm2(dm2)) === String(Number(`${Math.floor(dm2 / 100)}.${String(dm2 % 100).padStart(2, "0")}`))));
  });
});
