// next-intl's typed translator only takes literal keys; enum values and reason codes arrive as
// strings. This calls it with a run-time key (every value used here has a message in both files).
export type LooseTranslate = (key: string, values?: Record<string, string | number>) => string;

export function loose(t: unknown): LooseTranslate {
  return t as LooseTranslate;
}
