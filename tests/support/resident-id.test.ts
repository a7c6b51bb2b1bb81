import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHONGQING_DISTRICTS } from "@/lib/reference/districts";
import { birthDateFromResidentId, isValidResidentId, sexFromResidentId } from "@/lib/rules/identity";
import { isoDateArbitrary, residentIdArbitrary } from "./arbitraries";
import { DEFAULT_AREA, distinctResidentIdCount, freshResidentId, memberIdentity, nthResidentId, residentId, withWrongCheckChar } from "./resident-id";

describe("residentId", () => {
  it("makes the standard's own example", () => {
    expect(residentId({ area: "110105", birthDate: "1949-12-31", sequence: 2 })).toBe("11010519491231002X");
  });

  it("puts the birth date, sex and area where the production code reads them", () => {
    const id = residentId({ birthDate: "2004-02-29", sex: "F", area: "500106", sequence: 124 });
    expect(id).toMatch(/^50010620040229124[\dX]$/);
    expect(isValidResidentId(id)).toBe(true);
    expect(birthDateFromResidentId(id)).toBe("2004-02-29");
    expect(sexFromResidentId(id)).toBe("F");
  });

  it("defaults to a man born 1990-01-01 in 渝中区", () => {
    const id = residentId();
    expect(id.slice(0, 17)).toBe(`${DEFAULT_AREA}19900101001`);
    expect(residentId({ sex: "F" }).slice(0, 17)).toBe(`${DEFAULT_AREA}19900101000`);
  });

  it("refuses what no real number has", () => {
    expect(() => residentId({ birthDate: "1990-02-30" })).toThrow(RangeError);
    expect(() => residentId({ area: "5001" })).toThrow(RangeError);
    expect(() => residentId({ sequence: 1000 })).toThrow(RangeError);
    expect(() => residentId({ sequence: 1.5 })).toThrow(RangeError);
    expect(() => residentId({ sex: "F", sequence: 11 })).toThrow(/not sex F/);
  });
});

describe("nthResidentId and freshResidentId", () => {
  it("gives distinct valid IDs of the sex and birth date asked for, 渝中区 first, then the other districts", () => {
    const count = distinctResidentIdCount({ birthDate: "1985-06-12", sex: "F" });
    expect(count).toBe(500 * CHONGQING_DISTRICTS.length);
    const ids = Array.from({ length: count }, (_, n) => nthResidentId(n, { birthDate: "1985-06-12", sex: "F" }));
    expect(new Set(ids).size).toBe(count);
    expect(ids.filter((id) => !isValidResidentId(id))).toEqual([]);
    // Every 7th, and the last: the sex and birth date read back.
    for (const id of ids.filter((_, n) => n % 7 === 0 || n === count - 1)) {
      expect(sexFromResidentId(id)).toBe("F");
      expect(birthDateFromResidentId(id)).toBe("1985-06-12");
    }
    expect(ids.slice(0, 500).every((id) => id.startsWith(DEFAULT_AREA))).toBe(true);
    expect(new Set(ids.map((id) => id.slice(0, 6)))).toEqual(new Set(CHONGQING_DISTRICTS.map((d) => d.code)));
    expect(() => nthResidentId(count)).toThrow(RangeError);
    expect(() => nthResidentId(-1)).toThrow(RangeError);
  });

  it("in a named area there are 500 per sex and birth date", () => {
    expect(distinctResidentIdCount({ area: "500106" })).toBe(500);
    expect(nthResidentId(499, { area: "500106" }).slice(0, 17)).toBe("50010619900101999");
    expect(() => nthResidentId(500, { area: "500106" })).toThrow(RangeError);
  });

  it("fresh IDs do not repeat within the count", () => {
    const named = Array.from({ length: 500 }, () => freshResidentId({ area: "500106", sex: "M" }));
    expect(new Set(named).size).toBe(500);
    expect(named.every((id) => id.startsWith("500106") && sexFromResidentId(id) === "M")).toBe(true);
    const anywhere = Array.from({ length: 2000 }, () => freshResidentId({ birthDate: "2012-03-01" }));
    expect(new Set(anywhere).size).toBe(2000);
  });
});

describe("withWrongCheckChar", () => {
  it("fails only the checksum", () => {
    fc.assert(
      fc.property(residentIdArbitrary(), (id) => {
        const wrong = withWrongCheckChar(id);
        expect(wrong.slice(0, 17)).toBe(id.slice(0, 17));
        expect(wrong).toMatch(/^\d{18}$/);
        expect(isValidResidentId(wrong)).toBe(false);
      }),
    );
  });
});

describe("memberIdentity", () => {
  it("takes sex and birth date from the ID", () => {
    const id = residentId({ birthDate: "1987-09-23", sex: "F", sequence: 22 });
    expect(memberIdentity(id)).toEqual({ residentId: id, sex: "F", birthDate: new Date("1987-09-23T00:00:00.000Z") });
  });
});

describe("arbitraries", () => {
  it("dates stay in their range; IDs are valid and in their area", () => {
    fc.assert(
      fc.property(isoDateArbitrary({ min: "2024-02-28", max: "2024-03-01" }), (date) => {
        expect(["2024-02-28", "2024-02-29", "2024-03-01"]).toContain(date);
      }),
    );
    fc.assert(
      fc.property(residentIdArbitrary({ area: "500106" }), (id) => {
        expect(isValidResidentId(id)).toBe(true);
        expect(id.slice(0, 6)).toBe("500106");
      }),
    );
  });
});
