import { z } from "zod";
import { isValidResidentId } from "@/lib/rules/identity";
import { isValidISODate } from "@/lib/rules/dates";
import { UNIT_TYPES } from "@/lib/rules/unit-type";

// Inputs of directed allocation (定向配租, Art. 24). Messages are keys under "allocation.validation".

const V = "allocation.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const date = z.string({ error: `${V}dateInvalid` }).trim().refine(isValidISODate, { error: `${V}dateInvalid` });
const text = (min: number, max: number, key: string) => z.string({ error: `${V}${key}Required` }).trim().min(min, { error: `${V}${key}Required` }).max(max, { error: `${V}${key}TooLong` });
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const DIRECTED_KINDS = ["ENTERPRISE", "RESETTLEMENT"] as const;

export const createDirectedSchema = z
  .object({
    estateId: id,
    kind: z.enum(DIRECTED_KINDS, { error: `${V}directedKindRequired` }),
    recipientName: text(2, 100, "recipient"),
    recipientCreditCode: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v), { error: `${V}creditCodeInvalid` }),
    basis: text(4, 500, "basis"),
    unitType: z.enum(UNIT_TYPES, { error: `${V}unitTypeRequired` }),
    /** The quota: how many of the estate's vacant units of the type it reserves. */
    quota: z.coerce.number({ error: `${V}quotaInvalid` }).int({ error: `${V}quotaInvalid` }).min(1, { error: `${V}quotaInvalid` }).max(500, { error: `${V}quotaInvalid` }),
    requireNoHome: checkbox,
    startDate: date,
    endDate: date,
  })
  .superRefine((d, ctx) => {
    if (isValidISODate(d.startDate) && isValidISODate(d.endDate) && d.endDate < d.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: `${V}periodOrder` });
  });
export type CreateDirectedInput = z.input<typeof createDirectedSchema>;

export const addNomineeSchema = z.object({
  allocationId: id,
  name: text(2, 50, "nomineeName"),
  residentId: z
    .string({ error: `${V}residentIdInvalid` })
    .trim()
    .toUpperCase()
    .refine(isValidResidentId, { error: `${V}residentIdInvalid` }),
  householdSize: z.coerce.number({ error: `${V}householdSizeInvalid` }).int({ error: `${V}householdSizeInvalid` }).min(1, { error: `${V}householdSizeInvalid` }).max(20, { error: `${V}householdSizeInvalid` }),
  employmentConfirmed: checkbox,
});
export type AddNomineeInput = z.input<typeof addNomineeSchema>;

export const assignNomineeSchema = z.object({
  allocationId: id,
  nomineeId: z.string({ error: `${V}nomineeRequired` }).trim().min(1, { error: `${V}nomineeRequired` }).max(64, { error: `${V}nomineeRequired` }),
  unitId: z.string({ error: `${V}unitRequired` }).trim().min(1, { error: `${V}unitRequired` }).max(64, { error: `${V}unitRequired` }),
});
export type AssignNomineeInput = z.input<typeof assignNomineeSchema>;

export const closeDirectedSchema = z.object({ allocationId: id });
export type CloseDirectedInput = z.input<typeof closeDirectedSchema>;
