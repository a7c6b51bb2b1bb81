import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import {
  applicantInputSchema,
  applicationInputShape,
  ALWAYS_FOR_OBJECTS,
  householdIssues,
  rulesHousehold,
  V,
} from "@/lib/applications/schemas";

// The intake API's request body (shared/docs/intake-api.md): the application's own schema plus the
// platform's id and submission time, and the applicant's phone, which is required here because an
// intake application has no portal account to notify (Art. 19).

export const INTAKE_KEYS = {
  externalIdInvalid: "applications.validation.externalIdInvalid",
  submittedAtInvalid: "applications.validation.submittedAtInvalid",
  submittedAtFuture: "applications.validation.submittedAtFuture",
} as const;

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const externalIdSchema = z
  .string({ error: INTAKE_KEYS.externalIdInvalid })
  .min(1, { error: INTAKE_KEYS.externalIdInvalid })
  .max(100, { error: INTAKE_KEYS.externalIdInvalid })
  .regex(/^[\x21-\x7e]+$/, { error: INTAKE_KEYS.externalIdInvalid });

export const intakeApplicationSchema = z
  .object(
    {
      externalId: externalIdSchema,
      submittedAt: z
        .string({ error: INTAKE_KEYS.submittedAtInvalid })
        .refine((s) => {
          const m = ISO_DATE_TIME.exec(s);
          return m !== null && isValidISODate(m[1]) && Number.isFinite(Date.parse(s));
        }, { error: INTAKE_KEYS.submittedAtInvalid })
        .optional(),
      ...applicationInputShape,
      applicant: applicantInputSchema.extend({ phone: applicantInputSchema.shape.phone.unwrap() }),
    },
    { error: V.objectRequired },
  )
  .superRefine((data, ctx) => {
    for (const issue of householdIssues(data, rulesHousehold(data))) ctx.addIssue({ code: "custom", ...issue });
  }, ALWAYS_FOR_OBJECTS);

export type IntakeApplication = z.output<typeof intakeApplicationSchema>;
