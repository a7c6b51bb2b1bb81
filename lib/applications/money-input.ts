import { parseFen } from "@/lib/money/parse";

// Transitional (docs/decisions/010-money-and-areas.md): amounts are parsed by lib/money. This file
// only keeps `yuanToFen` for code written against it before (lib/reference/schemas.ts on main);
// move such code to parseFen, which says why an amount is refused, and delete this file.

export { MAX_ANNUAL_INCOME_FEN } from "@/lib/money/parse";

/** @deprecated use parseFen from lib/money/parse. Yuan text → fen, or null when refused. */
export function yuanToFen(text: string): number | null {
  const fen = parseFen(text, { max: Number.MAX_SAFE_INTEGER });
  return fen.ok ? fen.value : null;
}
