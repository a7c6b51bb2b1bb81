/** One page of a list: the page asked for clamped to those there are, and the rows to skip. */
export function pageWindow(requested: number, total: number, pageSize: number): { page: number; pageCount: number; skip: number; take: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}

/**
 * One page of a list, its rows and the total read side by side (two statements on two of the
 * pool's connections, not one after the other). The rare page past the end (a stale link, a list
 * that shrank) is read again as the last page. A `narrow` list (a search) reads its first page
 * alone and counts only when that page is full.
 */
export async function readPage<Row>(
  requested: number | undefined,
  pageSize: number,
  count: () => Promise<number>,
  rows: (window: { skip: number; take: number }) => Promise<Row[]>,
  options: { narrow?: boolean } = {},
): Promise<{ rows: Row[]; total: number; page: number; pageCount: number }> {
  const asked = Math.max(1, Math.floor(requested ?? 1) || 1);
  if (options.narrow && asked === 1) {
    // A search that usually finds a handful (a whole number, an ID): its first page, counted only
    // when it is full. One statement instead of two.
    const found = await rows({ skip: 0, take: pageSize });
    if (found.length < pageSize) return { rows: found, total: found.length, page: 1, pageCount: 1 };
    const total = await count();
    return { rows: found, total, page: 1, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  }
  const [total, first] = await Promise.all([count(), rows({ skip: (asked - 1) * pageSize, take: pageSize })]);
  const window = pageWindow(asked, total, pageSize);
  const pageRows = window.page === asked ? first : await rows({ skip: window.skip, take: window.take });
  return { rows: pageRows, total, page: window.page, pageCount: window.pageCount };
}
