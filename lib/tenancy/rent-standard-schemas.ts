import { z } from "zod";
import { parseFen, parsePercentBp } from "@/lib/money/parse";
import { isValidISODate } from "@/lib/rules/dates";

// Inputs of rent standards (Art. 27), shared by the forms and the services. Messages are keys under
// "rentStandards.validation". Rates are typed in yuan per m² per month, income bounds in yuan of
// per-capita household income a year, the review's changes as signed percentages.

const V = "rentStandards.validation.";
const UNIT_TYPES = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"] as const;
/** 10,000 yuan per m² a month: far above any rent, far below overflow. */
const MAX_RATE_FEN = 1_000_000;
/** 100 million yuan a year. */
const MAX_INCOME_FEN = 10_000_000_000;
/** Income tiers a standard may have (Art. 27: "分档"), besides the former low-rent rate. */
export const MAX_INCOME_TIERS = 5;

const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const formKey = z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` });
const date = z.string({ error: `${V}dateInvalid` }).trim().refine(isValidISODate, { error: `${V}dateInvalid` });
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const documentNo = z
  .string({ error: `${V}documentNoRequired` })
  .trim()
  .min(4, { error: `${V}documentNoRequired` })
  .max(100, { error: `${V}documentNoTooLong` })
  .regex(NO_CONTROL_CHARACTERS, { error: `${V}documentNoRequired` });

/** Yuan text → whole fen above 0, or the key of what is wrong. */
function yuanToFen(text: string, max: number): { ok: true; fen: number } | { ok: false; key: string } {
  const parsed = parseFen(text, { max });
  if (!parsed.ok) return { ok: false, key: parsed.problem === "tooLarge" ? "amountTooLarge" : "amountInvalid" };
  if (parsed.value === 0) return { ok: false, key: "amountInvalid" };
  return { ok: true, fen: parsed.value };
}

const rate = (requiredKey: string) =>
  z
    .string({ error: `${V}${requiredKey}` })
    .trim()
    .min(1, { error: `${V}${requiredKey}` })
    .transform((text, ctx) => {
      const fen = yuanToFen(text, MAX_RATE_FEN);
      if (!fen.ok) {
        ctx.addIssue({ code: "custom", message: `${V}${fen.key}` });
        return z.NEVER;
      }
      return fen.fen;
    });

/** Repeated form fields as a list (one value arrives as a string). */
const list = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100, { error: `${V}amountInvalid` })).max(MAX_INCOME_TIERS, { error: `${V}tooManyTiers` }));

/** A signed percentage (-100..100, two decimals at most) → basis points. */
export function parseSignedPercentBp(text: string): number | null {
  const trimmed = text.trim().replace(/^＋/, "+").replace(/^[－−]/, "-");
  const negative = trimmed.startsWith("-");
  const body = trimmed.replace(/^[+-]/, "");
  if (body.length === 0) return null;
  const bp = parsePercentBp(body);
  if (!bp.ok) return null;
  return negative ? -bp.value : bp.value;
}

const change = (key: string) =>
  z
    .string({ error: `${V}${key}` })
    .trim()
    .min(1, { error: `${V}${key}` })
    .transform((text, ctx) => {
      const bp = parseSignedPercentBp(text);
      if (bp === null) {
        ctx.addIssue({ code: "custom", message: `${V}changeInvalid` });
        return z.NEVER;
      }
      return bp;
    });

/** One tier of a standard as the services take it. */
export interface RentTierInput {
  tierNo: number;
  name: string;
  isLowRent: boolean;
  maxPerCapitaIncomeFen: number | null;
  rentFenPerM2: number;
}

export const createRentStandardSchema = z
  .object({
    estateId: id,
    /** Empty: every unit type of the estate. */
    unitType: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || (UNIT_TYPES as readonly string[]).includes(v), { error: `${V}unitTypeInvalid` })
      .transform((v) => v as (typeof UNIT_TYPES)[number] | null),
    effectiveFrom: date,
    documentNo,
    marketRent: rate("marketRentRequired"),
    /** The former low-rent rate for 低保/特困/低保边缘 households (Art. 14, 27); empty: none. */
    lowRentRate: z.string().trim().max(100).optional().default(""),
    /** Income tiers, lowest first: the rate and the upper bound (empty for the last). */
    tierRate: list,
    tierMax: list,
    formKey,
  })
  .transform((input, ctx) => {
    const tiers: RentTierInput[] = [];
    const rows = Math.max(input.tierRate.length, input.tierMax.length);
    let tierNo = 0;
    for (let i = 0; i < rows; i++) {
      const rateText = (input.tierRate[i] ?? "").trim();
      const maxText = (input.tierMax[i] ?? "").trim();
      if (!rateText && !maxText) continue;
      tierNo += 1;
      if (!rateText) {
        ctx.addIssue({ code: "custom", path: [`tierRate.${i}`], message: `${V}tierRateRequired` });
        continue;
      }
      const fen = yuanToFen(rateText, MAX_RATE_FEN);
      if (!fen.ok) {
        ctx.addIssue({ code: "custom", path: [`tierRate.${i}`], message: `${V}${fen.key}` });
        continue;
      }
      let max: number | null = null;
      if (maxText) {
        const bound = yuanToFen(maxText, MAX_INCOME_FEN);
        if (!bound.ok) {
          ctx.addIssue({ code: "custom", path: [`tierMax.${i}`], message: `${V}${bound.key}` });
          continue;
        }
        max = bound.fen;
      }
      tiers.push({ tierNo, name: `第${tierNo}档`, isLowRent: false, maxPerCapitaIncomeFen: max, rentFenPerM2: fen.fen });
    }
    if (tierNo === 0) ctx.addIssue({ code: "custom", path: ["tierRate.0"], message: `${V}tierRequired` });
    if (input.lowRentRate) {
      const fen = yuanToFen(input.lowRentRate, MAX_RATE_FEN);
      if (!fen.ok) ctx.addIssue({ code: "custom", path: ["lowRentRate"], message: `${V}${fen.key}` });
      else tiers.push({ tierNo: 0, name: "原廉租住房租金", isLowRent: true, maxPerCapitaIncomeFen: null, rentFenPerM2: fen.fen });
    }
    const { tierRate: _r, tierMax: _m, lowRentRate: _l, marketRent, ...rest } = input;
    return { ...rest, marketRentFenPerM2: marketRent, tiers };
  });
export type CreateRentStandardInput = z.input<typeof createRentStandardSchema>;
export type CreateRentStandardData = z.output<typeof createRentStandardSchema>;

/** The three-yearly review of a standard in force (Art. 27): the three changes and the new date. */
export const reviewRentStandardSchema = z.object({
  standardId: id,
  disposableIncomeChange: change("disposableIncomeRequired"),
  cpiChange: change("cpiRequired"),
  rentIndexChange: change("rentIndexRequired"),
  /** Empty: the market rent stays as it is. */
  marketRent: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null;
      const fen = yuanToFen(text, MAX_RATE_FEN);
      if (!fen.ok) {
        ctx.addIssue({ code: "custom", message: `${V}${fen.key}` });
        return z.NEVER;
      }
      return fen.fen;
    }),
  effectiveFrom: date,
});
export type ReviewRentStandardInput = z.input<typeof reviewRentStandardSchema>;
export type ReviewRentStandardData = z.output<typeof reviewRentStandardSchema>;

/** Creating the reviewed draft: the review's inputs, the new document number and the form's key. */
export const createReviewSchema = reviewRentStandardSchema.extend({ documentNo, formKey });
export type CreateReviewInput = z.input<typeof createReviewSchema>;
export type CreateReviewData = z.output<typeof createReviewSchema>;

export const decideRentStandardSchema = z
  .object({
    standardId: id,
    decision: z.enum(["APPROVE", "REJECT"], { error: `${V}decisionRequired` }),
    /** Why it is rejected (kept with the draft). */
    reason: z.string().trim().max(1000, { error: `${V}reasonTooLong` }).optional().default(""),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "REJECT" && d.reason.length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: `${V}reasonRequired` });
  });
export type DecideRentStandardInput = z.input<typeof decideRentStandardSchema>;

export const RENT_STANDARD_STATUSES = ["DRAFT", "APPROVED", "REJECTED"] as const;

export const rentStandardFilterSchema = z.object({
  estate: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined))
    .optional(),
  status: z.enum(RENT_STANDARD_STATUSES).optional().catch(undefined),
  /** "1": only standards in force whose review is due. */
  due: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type RentStandardFilter = z.output<typeof rentStandardFilterSchema>;
