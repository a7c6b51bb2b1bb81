import { z } from "zod";

// Inputs of unit selection (选房) and offers (Art. 23, 25), shared by the forms and the services.
// Messages are keys under "allocation.validation".

const V = "allocation.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const whole = (min: number, max: number, key: string) =>
  z.coerce.number({ error: `${V}${key}` }).int({ error: `${V}${key}` }).min(min, { error: `${V}${key}` }).max(max, { error: `${V}${key}` });

export const openSelectionSchema = z.object({
  drawId: id,
  /** Each household's window to choose, in hours (at most a week). */
  windowHours: whole(1, 168, "windowHoursInvalid"),
  /** How many households choose at the same time, in rank order. */
  parallel: whole(1, 500, "parallelInvalid"),
  /** Working days to accept a chosen unit in the portal (Art. 25: "within the time set"). */
  acceptDays: whole(1, 30, "acceptDaysInvalid"),
});
export type OpenSelectionInput = z.input<typeof openSelectionSchema>;

export const pickUnitSchema = z.object({ drawId: id, unitId: z.string({ error: `${V}unitRequired` }).trim().min(1, { error: `${V}unitRequired` }).max(64, { error: `${V}unitRequired` }) });
export type PickUnitInput = z.input<typeof pickUnitSchema>;

export const declineTurnSchema = z.object({ drawId: id });
export type DeclineTurnInput = z.input<typeof declineTurnSchema>;

export const offerStepSchema = z.object({ offerId: id });
export type OfferStepInput = z.input<typeof offerStepSchema>;

export const declineOfferSchema = z.object({
  offerId: id,
  reason: z
    .string()
    .trim()
    .max(500, { error: `${V}reasonTooLong` })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type DeclineOfferInput = z.input<typeof declineOfferSchema>;

/** An officer assigns a unit of the pool to a household whose turn is open, recording why. */
export const assignUnitSchema = z.object({
  drawId: id,
  entrantId: z.string({ error: `${V}entrantRequired` }).trim().min(1, { error: `${V}entrantRequired` }).max(64, { error: `${V}entrantRequired` }),
  unitId: z.string({ error: `${V}unitRequired` }).trim().min(1, { error: `${V}unitRequired` }).max(64, { error: `${V}unitRequired` }),
  reason: z.string({ error: `${V}reasonRequired` }).trim().min(4, { error: `${V}reasonRequired` }).max(500, { error: `${V}reasonTooLong` }),
});
export type AssignUnitInput = z.input<typeof assignUnitSchema>;
