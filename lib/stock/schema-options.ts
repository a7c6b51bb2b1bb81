// The choices the stock's forms offer, apart from the zod schemas (lib/stock/schemas.ts) so that a
// form lists them without loading zod (docs/decisions/009-client-bundles.md).

export const UNIT_TYPES = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"] as const;
export const UNIT_ORIENTATIONS = ["SOUTH", "NORTH", "EAST", "WEST", "SOUTHEAST", "SOUTHWEST", "NORTHEAST", "NORTHWEST", "NORTH_SOUTH"] as const;
export const ESTATE_LEVELS = ["MUNICIPAL", "DISTRICT"] as const;
export const STOCK_SOURCES = ["NEW_CONSTRUCTION", "INCLUDED_IN_DEVELOPMENT", "CONVERSION", "PURCHASE", "LONG_TERM_LEASE"] as const;
export const INVESTMENT_TYPES = ["GOVERNMENT", "PRIVATE"] as const;
