/** A calendar date in China Standard Time, 'YYYY-MM-DD'. */
export type ISODate = string;
/** An amount of money in integer fen (1 yuan = 100 fen). */
export type Fen = number;
