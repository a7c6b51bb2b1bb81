// THE byte formatter: every page that shows a file's size uses it, so one file reads the same to
// the applicant and to the officer. Binary units (1 KB = 1,024 bytes) with one decimal, rounded
// half up by integer arithmetic; sizes under 1 KB are shown in bytes, exactly. Pure: server and browser.

const KB = 1024;
const MB = 1024 * 1024;

/** Tenths of `unit` in `bytes`, rounded half up, as "12" or "12.5". */
function tenths(bytes: number, unit: number): string {
  const t = Math.floor((bytes * 10 + unit / 2) / unit);
  const whole = Math.floor(t / 10);
  const decimal = t % 10;
  return decimal === 0 ? String(whole) : `${whole}.${decimal}`;
}

/** 73 → "73 B", 1536 → "1.5 KB", 10485760 → "10 MB". */
export function formatBytes(bytes: number): string {
  const n = Math.max(0, Math.trunc(bytes));
  if (n < KB) return `${n} B`;
  // 1,048,575 bytes round to 1024.0 KB: say 1 MB instead.
  if (n < MB && Math.floor((n * 10 + KB / 2) / KB) < 10 * KB) return `${tenths(n, KB)} KB`;
  return `${tenths(n, MB)} MB`;
}
