/** One page of a list: the page asked for clamped to those there are, and the rows to skip. */
export function pageWindow(requested: number, total: number, pageSize: number): { page: number; pageCount: number; skip: number; take: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
