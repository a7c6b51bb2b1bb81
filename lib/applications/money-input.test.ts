import { describe, expect, it } from "vitest";
import { yuanToFen } from "./money-input";

// The transitional yuanToFen is lib/money's parseFen: same answers, null for every refusal.
describe("yuanToFen (transitional)", () => {
  it("parses as lib/money does", () => {
    expect(yuanToFen("52,384.05")).toBe(5_238_405);
    expect(yuanToFen("１２")).toBe(1_200);
    expect(yuanToFen("9999999999999")).toBe(999_999_999_999_900);
    for (const bad of ["", "-1", "1.234", "1e5", "abc", "999999999999999"]) expect(yuanToFen(bad), bad).toBeNull();
  });
});
