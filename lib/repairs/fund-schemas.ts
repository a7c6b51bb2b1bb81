import { z } from "zod";
import { yuanField } from "@/lib/money/yuan-field";

// Inputs of the maintenance fund (Art. 35). Messages are keys under "repairs.fund.validation".

const V = "repairs.fund.validation.";

/** At most 100,000,000 yuan recorded at once. */
export const MAX_FUND_FEN = 10_000_000_000;

const fundFields = {
  estateId: z.string({ error: `${V}estateRequired` }).trim().min(1, { error: `${V}estateRequired` }).max(64, { error: `${V}estateRequired` }),
  year: z.coerce.number({ error: `${V}yearInvalid` }).int({ error: `${V}yearInvalid` }).min(2024, { error: `${V}yearInvalid` }).max(2100, { error: `${V}yearInvalid` }),
  note: z.string().trim().max(200, { error: `${V}noteTooLong` }).optional().transform((v) => (v ? v : undefined)),
  formKey: z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` }),
};

/** The form: the amount typed in yuan. */
export const recordFundSchema = z.object({ ...fundFields, amount: yuanField({ required: `${V}amountRequired`, invalid: `${V}amountInvalid`, tooLarge: `${V}amountTooLarge` }, MAX_FUND_FEN) });

/** The service: the same in fen. */
export const recordFundInputSchema = z.object({
  ...fundFields,
  amountFen: z.number({ error: `${V}amountInvalid` }).int({ error: `${V}amountInvalid` }).positive({ error: `${V}amountInvalid` }).max(MAX_FUND_FEN, { error: `${V}amountTooLarge` }),
});
export type RecordFundInput = z.input<typeof recordFundInputSchema>;

export const fundQuerySchema = z.object({ year: z.coerce.number().int().min(2024).max(2100).optional().catch(undefined) });
