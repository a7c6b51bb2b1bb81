import { describe, expect, it } from "vitest";
import { arrearsBucketOf, arrearsQueryFrom } from "./arrears-query";

describe("arrears age buckets", () => {
  it("puts each day count in its bucket, edges included", () => {
    expect([1, 30, 31, 90, 91, 180, 181, 400].map(arrearsBucketOf)).toEqual(["D1_30", "D1_30", "D31_90", "D31_90", "D91_180", "D91_180", "D181_PLUS", "D181_PLUS"]);
  });
  it("refuses a debt that is not overdue", () => {
    expect(() => arrearsBucketOf(0)).toThrow(RangeError);
    expect(() => arrearsBucketOf(1.5)).toThrow(RangeError);
  });
});

describe("arrears list query", () => {
  it("reads the filters and drops what it does not know", () => {
    expect(arrearsQueryFrom({ q: " 袁刚 ", bucket: "D181_PLUS", six: "1", district: "500103", page: "2" })).toEqual({ q: "袁刚", bucket: "D181_PLUS", six: true, district: "500103", page: 2 });
    expect(arrearsQueryFrom(new URLSearchParams("bucket=OTHER&district=x&page=-1"))).toEqual({ q: undefined, bucket: undefined, six: false, district: undefined, page: undefined });
  });
});
