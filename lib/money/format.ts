import { hundredthsText } from "@/lib/rules/money";

// THE formatter of amounts (docs/decisions/010-money-and-areas.md): integer fen as yuan and
// integer dm² as m², always with two decimals, by integer and string arithmetic (lib/rules
// hundredthsText), never by dividing by 100 in floating point. Accepts bigint, so a SQL SUM
// (bigint in PostgreSQL) prints every digit. Fractional fen (a per-capita income from lib/rules)
// are rounded by the caller with lib/rules roundFen, the contract's half up. Pure: server and browser.

/** A whole amount: fen or dm². */
export type WholeAmount = number | bigint;

const DEFAULT_LOCALE = "zh-CN";
const separatorsByLocale = new Map<string, { group: string; decimal: string }>();

/** The locale's thousands and decimal separators (both portal locales: "," and "."). */
function separators(locale: string): { group: string; decimal: string } {
  let found = separatorsByLocale.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale === "en" ? "en-GB" : locale).formatToParts(12345.6);
    found = {
      group: parts.find((p) => p.type === "group")?.value ?? ",",
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    };
    separatorsByLocale.set(locale, found);
  }
  return found;
}

/** Fen as yuan for display: 1234560 → "12,345.60". */
export function formatFen(fen: WholeAmount, locale: string = DEFAULT_LOCALE): string {
  return hundredthsText(fen, separators(locale));
}

/** dm² as m² for display: 8950 → "89.50", 12000000 → "120,000.00". */
export function formatDm2(dm2: WholeAmount, locale: string = DEFAULT_LOCALE): string {
  return hundredthsText(dm2, separators(locale));
}

/** Fen as a person types yuan, to fill a form back in: 4800000 → "48000", 4800050 → "48000.50". */
export function fenInputText(fen: number): string {
  return hundredthsText(fen).replace(/\.00$/, "");
}

/** dm² as a person types m², to fill a form back in: 8950 → "89.50". */
export function dm2InputText(dm2: number): string {
  return hundredthsText(dm2);
}

/** Basis points as a percentage for display: 2000 → "20.00", 1250 → "12.50". */
export function formatPercentBp(bp: WholeAmount, locale: string = DEFAULT_LOCALE): string {
  return hundredthsText(bp, separators(locale));
}

/**
 * Fen as a yuan number with two decimals for a spreadsheet cell: 1234560 → 12345.6. Goes through
 * the exact text (hundredthsText), so the number is the nearest double to the two-decimal amount.
 */
export function fenAsYuanNumber(fen: WholeAmount): number {
  return Number(hundredthsText(fen));
}
