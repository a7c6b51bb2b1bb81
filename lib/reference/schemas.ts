import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import { yuanToFen } from "@/lib/applications/money-input";

// Forms of the reference figures (Art. 13.4: R, the city's urban per-capita disposable income of
// the previous year). Messages are keys under "referenceIncomes.validation".

const V = "referenceIncomes.validation.";
/** A figure of 20 million yuan a person a year is surely a typing error. */
const MAX_REFERENCE_FEN = 2_000_000_000;

export const saveReferenceIncomeSchema = z.object({
  year: z.coerce.number({ error: `${V}yearInvalid` }).int({ error: `${V}yearInvalid` }).min(2000, { error: `${V}yearInvalid` }).max(2100, { error: `${V}yearInvalid` }),
  amountYuan: z
    .string({ error: `${V}amountRequired` })
    .trim()
    .min(1, { error: `${V}amountRequired` })
    .transform((text, ctx) => {
      const fen = yuanToFen(text);
      if (fen === null || fen <= 0) {
        ctx.addIssue({ code: "custom", message: `${V}amountInvalid` });
        return z.NEVER;
      }
      if (fen > MAX_REFERENCE_FEN) {
        ctx.addIssue({ code: "custom", message: `${V}amountTooLarge` });
        return z.NEVER;
      }
      return fen;
    }),
  source: z.string({ error: `${V}sourceRequired` }).trim().min(2, { error: `${V}sourceRequired` }).max(200, { error: `${V}sourceTooLong` }),
  publishedOn: z.string({ error: `${V}publishedOnInvalid` }).trim().refine((v) => isValidISODate(v), { error: `${V}publishedOnInvalid` }),
});
export type SaveReferenceIncomeInput = z.output<typeof saveReferenceIncomeSchema>;
