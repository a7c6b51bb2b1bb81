import { describe, expect, it } from "vitest";
import { pageWindow } from "./paging";

describe("pageWindow", () => {
  it.each([
    [1, 0, 20, { page: 1, pageCount: 1, skip: 0, take: 20 }],
    [2, 45, 20, { page: 2, pageCount: 3, skip: 20, take: 20 }],
    [9, 45, 20, { page: 3, pageCount: 3, skip: 40, take: 20 }],
    [0, 45, 20, { page: 1, pageCount: 3, skip: 0, take: 20 }],
    [Number.NaN, 45, 20, { page: 1, pageCount: 3, skip: 0, take: 20 }],
    [2.7, 45, 20, { page: 2, pageCount: 3, skip: 20, take: 20 }],
  ])("page %s of %s rows by %s", (requested, total, size, expected) => {
    expect(pageWindow(requested, total, size)).toEqual(expected);
  });
});
