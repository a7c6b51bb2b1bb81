import { z } from "zod";

// Inputs of the ordered waiting list (轮候, Art. 23). Messages are keys under "allocation.validation".

const V = "allocation.validation.";

export const offerVacatedUnitSchema = z.object({
  unitId: z.string({ error: `${V}unitRequired` }).trim().min(1, { error: `${V}unitRequired` }).max(64, { error: `${V}unitRequired` }),
  /** Working days to accept in the portal (Art. 25: "within the time set"). */
  acceptDays: z.coerce
    .number({ error: `${V}acceptDaysInvalid` })
    .int({ error: `${V}acceptDaysInvalid` })
    .min(1, { error: `${V}acceptDaysInvalid` })
    .max(30, { error: `${V}acceptDaysInvalid` })
    .default(5),
});
export type OfferVacatedUnitInput = z.input<typeof offerVacatedUnitSchema>;
