import { describe, expect, it } from "vitest";
import { pageWindow, readPage } from "./paging";

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

describe("readPage", () => {
  const rowsOf = (all: number[]) => async ({ skip, take }: { skip: number; take: number }) => all.slice(skip, skip + take);
  const all = Array.from({ length: 45 }, (_, i) => i);

  it("reads the page asked for and the total", async () => {
    expect(await readPage(2, 20, async () => all.length, rowsOf(all))).toEqual({ rows: all.slice(20, 40), total: 45, page: 2, pageCount: 3 });
  });

  it("reads a page past the end again as the last page", async () => {
    const asked: number[] = [];
    const result = await readPage(9, 20, async () => all.length, async (w) => {
      asked.push(w.skip);
      return rowsOf(all)(w);
    });
    expect(result).toEqual({ rows: all.slice(40), total: 45, page: 3, pageCount: 3 });
    expect(asked).toEqual([160, 40]);
  });

  it("gives page 1 of an empty list", async () => {
    expect(await readPage(undefined, 20, async () => 0, rowsOf([]))).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  describe("a narrow list (a search)", () => {
    const counting = (n: number) => {
      const calls = { count: 0 };
      return { calls, count: async () => (calls.count++, n) };
    };

    it.each([0, 1, 19])("takes the total of a short first page (%s rows) from its rows, without counting", async (n) => {
      const few = all.slice(0, n);
      const { calls, count } = counting(n);
      expect(await readPage(1, 20, count, rowsOf(few), { narrow: true })).toEqual({ rows: few, total: n, page: 1, pageCount: 1 });
      expect(calls.count).toBe(0);
    });

    it("counts when the first page is full", async () => {
      const { calls, count } = counting(45);
      expect(await readPage(1, 20, count, rowsOf(all), { narrow: true })).toEqual({ rows: all.slice(0, 20), total: 45, page: 1, pageCount: 3 });
      expect(calls.count).toBe(1);
    });

    it("reads later pages as any list does", async () => {
      const { calls, count } = counting(45);
      expect(await readPage(3, 20, count, rowsOf(all), { narrow: true })).toEqual({ rows: all.slice(40), total: 45, page: 3, pageCount: 3 });
      expect(calls.count).toBe(1);
    });
  });
});
