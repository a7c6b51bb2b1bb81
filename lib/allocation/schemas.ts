import { z } from "zod";
import { UNIT_TYPES } from "@/lib/rules/unit-type";

// Inputs of the public lottery (Art. 23), shared by the staff forms and the services.
// Messages are keys under "allocation.validation".

const id = z.string({ error: "allocation.validation.missingId" }).trim().min(1, { error: "allocation.validation.missingId" }).max(64, { error: "allocation.validation.missingId" });

// Control characters would not survive the shell recipe of the publication (printf, read) and could
// not be read out at a public draw.
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const freezePoolSchema = z.object({
  planId: id,
  unitType: z.enum(UNIT_TYPES, { error: "allocation.validation.unitTypeRequired" }),
  /**
   * Named before the freeze, so that nobody knows the beacon when the pool is committed; the
   * plan's own (published with it) when not given.
   */
  beaconSource: z
    .string({ error: "allocation.validation.beaconSourceRequired" })
    .trim()
    .min(4, { error: "allocation.validation.beaconSourceRequired" })
    .max(500, { error: "allocation.validation.beaconSourceTooLong" })
    .regex(NO_CONTROL_CHARACTERS, { error: "allocation.validation.beaconSourceInvalid" })
    .optional(),
  /** Art. 22, 23: the share of the pool's units reserved for the priority round, in basis points; the plan's when not given. */
  priorityShareBp: z.coerce
    .number({ error: "allocation.validation.priorityShareInvalid" })
    .int({ error: "allocation.validation.priorityShareInvalid" })
    .min(0, { error: "allocation.validation.priorityShareInvalid" })
    .max(10_000, { error: "allocation.validation.priorityShareInvalid" })
    .optional(),
});
export type FreezePoolInput = z.input<typeof freezePoolSchema>;

export const drawPoolSchema = z.object({
  drawId: id,
  /** The public value read at the draw, from the source named at the freeze. */
  beacon: z
    .string({ error: "allocation.validation.beaconRequired" })
    .trim()
    .min(1, { error: "allocation.validation.beaconRequired" })
    .max(200, { error: "allocation.validation.beaconTooLong" })
    .regex(NO_CONTROL_CHARACTERS, { error: "allocation.validation.beaconInvalid" }),
  /** Notaries or observers present at the draw, as the public record names them (optional). */
  witnesses: z
    .string()
    .trim()
    .max(500, { error: "allocation.validation.witnessesTooLong" })
    .regex(NO_CONTROL_CHARACTERS, { error: "allocation.validation.witnessesTooLong" })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type DrawPoolInput = z.input<typeof drawPoolSchema>;

export const cancelDrawSchema = z.object({
  drawId: id,
  /** Published with the cancelled draw. */
  reason: z
    .string({ error: "allocation.validation.reasonRequired" })
    .trim()
    .min(4, { error: "allocation.validation.reasonRequired" })
    .max(500, { error: "allocation.validation.reasonTooLong" }),
});
export type CancelDrawInput = z.input<typeof cancelDrawSchema>;
