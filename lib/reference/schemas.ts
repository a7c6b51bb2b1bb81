import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import { yuanField } from "@/lib/money/yuan-field";

// Forms of the reference figures (Art. 13.4: R, the city's urban per-capita disposable income of
// the previous year). Messages are keys under "referenceIncomes.validation".

const V = "referenceIncomes.validation.";
/** A figure of 20 million yuan a person a year is surely a typing error. */
const MAX_REFERENCE_FEN = 2_000_000_000;

export const saveReferenceIncomeSchema = z.object({
  year: z.coerce.number({ error: `${V}yearInvalid` }).int({ error: `${V}yearInvalid` }).min(2000, { error: `${V}yearInvalid` }).max(2100, { error: `${V}yearInvalid` }),
  // Typed in yuan (the form's field), parsed to fen: the output is `amountFen`.
  amountYuan: yuanField({ required: `${V}amountRequired`, invalid: `${V}amountInvalid`, tooLarge: `${V}amountTooLarge` }, MAX_REFERENCE_FEN),
  source: z.string({ error: `${V}sourceRequired` }).trim().min(2, { error: `${V}sourceRequired` }).max(200, { error: `${V}sourceTooLong` }),
  publishedOn: z.string({ error: `${V}publishedOnInvalid` }).trim().refine((v) => isValidISODate(v), { error: `${V}publishedOnInvalid` }),
})
  // The parsed amount is fen, and its name says so (errors still point at the form's field).
  .transform(({ amountYuan, ...rest }) => ({ ...rest, amountFen: amountYuan }));
export type SaveReferenceIncomeInput = z.output<typeof saveReferenceIncomeSchema>;
