import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { residentIdArbitrary } from "@/tests/support/arbitraries";
import { birthDateFromResidentId, isValidResidentId, maskName, maskResidentId, residentIdCheckChar, sexFromResidentId } from "./identity";

// Art. 12 and 16 identify every household member by the GB 11643-1999 citizen identity number.

describe("isValidResidentId", () => {
  it.each([
    ["11010519491231002X", true, "the standard's own example, check character X"],
    ["11010519491231002x", true, "lowercase x accepted"],
    ["110105194912310021", false, "wrong check character"],
    ["500106199001011234", false, "checksum does not hold"],
    ["500106199001011231", true, "checksum holds"],
    ["500106199002301238", false, "30 February does not exist"],
    ["500106189912311234", false, "born before 1900"],
    ["50010619900101123", false, "17 characters"],
    ["5001061990010112345", false, "19 characters"],
    ["50010619900101123A", false, "check character not a digit or X"],
    ["", false, "empty"],
  ])("%s -> %s (%s)", (id, valid) => {
    expect(isValidResidentId(id)).toBe(valid);
  });

  it("accepts 29 February only in leap years", () => {
    const leap = "50010620000229123";
    const common = "50010619990229123";
    expect(isValidResidentId(leap + residentIdCheckChar(leap))).toBe(true);
    expect(isValidResidentId(common + residentIdCheckChar(common))).toBe(false);
  });

  it("any one-character change to a valid number is caught", () => {
    fc.assert(
      fc.property(
        residentIdArbitrary({ area: "500106" }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, position, delta) => {
          expect(isValidResidentId(id)).toBe(true);
          const changed = id.slice(0, position) + String((Number(id[position]) + delta) % 10) + id.slice(position + 1);
          expect(isValidResidentId(changed)).toBe(false);
        },
      ),
    );
  });
});

describe("birth date and sex come from the number", () => {
  it.each([
    ["11010519491231002X", "1949-12-31", "F"],
    ["500106199001011231", "1990-01-01", "M"],
  ])("%s: born %s, sex %s", (id, birth, sex) => {
    // 500106199001011231: sequence 123 is odd, so a man.
    if (!isValidResidentId(id)) return expect.unreachable(`${id} should be valid`);
    expect(birthDateFromResidentId(id)).toBe(birth);
    expect(sexFromResidentId(id)).toBe(sex);
  });

  it("invalid numbers throw a RangeError naming residentId", () => {
    expect(() => birthDateFromResidentId("110105194912310021")).toThrow(RangeError);
    expect(() => sexFromResidentId("abc")).toThrow(/residentId/);
  });
});

describe("masking for public pages (Art. 19 publicity)", () => {
  it("keeps the area code and the last four characters", () => {
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X");
  });
  it("keeps the surname", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("李");
  });
});
