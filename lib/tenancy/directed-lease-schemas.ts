import { z } from "zod";
import { phoneSchema } from "@/lib/auth/schemas";
import { personNameSchema, residentIdSchema } from "@/lib/applications/schemas";
import { MAX_ANNUAL_INCOME_FEN, parseFen } from "@/lib/money/parse";
import { draftLeaseSchema } from "./schemas";

// The lease of a directed-allocation nominee (Art. 24, 25): the nominee's household as the officer
// records it from the enterprise's or body's papers (the other members, everyone's annual income),
// the number for notices, and the lease's start and term. Shared by the form and the service.
// Messages are keys under "tenancy.validation" (and "applications.validation" for people).

const V = "tenancy.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });

/** Relationships a member other than the nominee can have to the nominee (lib/rules Relationship). */
export const DIRECTED_MEMBER_RELATIONSHIPS = ["SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT"] as const;

/** Annual income in yuan as typed ("0", "36,000.00"), to fen; 0 is an answer. */
const incomeField = z
  .string({ error: `${V}incomeRequired` })
  .trim()
  .min(1, { error: `${V}incomeRequired` })
  .transform((text, ctx) => {
    const fen = parseFen(text, { max: MAX_ANNUAL_INCOME_FEN });
    if (!fen.ok) {
      ctx.addIssue({ code: "custom", message: fen.problem === "tooLarge" ? `${V}incomeTooLarge` : `${V}incomeInvalid` });
      return z.NEVER;
    }
    return fen.value;
  });

/** A repeated form field: one value arrives as a string, several as an array, none as undefined. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(9, { error: `${V}tooManyMembers` }));

/** Annual income in fen, as the service takes it. */
const incomeFen = z
  .number({ error: `${V}incomeInvalid` })
  .int({ error: `${V}incomeInvalid` })
  .min(0, { error: `${V}incomeInvalid` })
  .max(MAX_ANNUAL_INCOME_FEN, { error: `${V}incomeTooLarge` });

function directedLeaseSchema<T extends z.ZodType<number>>(income: T) {
  return z
    .object({
      nomineeId: id,
      /** The nominee's mobile number: notices go there (Art. 25), and it links a portal account later. */
      contactPhone: phoneSchema,
      startDate: draftLeaseSchema.shape.startDate,
      termMonths: draftLeaseSchema.shape.termMonths,
      nomineeIncome: income,
      memberName: list(personNameSchema),
      memberRelationship: list(z.enum(DIRECTED_MEMBER_RELATIONSHIPS, { error: "applications.validation.relationshipRequired" })),
      memberResidentId: list(residentIdSchema),
      memberIncome: list(income),
    })
    .superRefine((d, ctx) => {
      const n = d.memberName.length;
      if (d.memberRelationship.length !== n || d.memberResidentId.length !== n || d.memberIncome.length !== n) {
        ctx.addIssue({ code: "custom", path: ["_form"], message: `${V}membersIncomplete` });
        return;
      }
      const seen = new Set<string>();
      d.memberResidentId.forEach((rid, i) => {
        if (seen.has(rid)) ctx.addIssue({ code: "custom", path: ["memberResidentId", i], message: "applications.validation.duplicateResidentId" });
        seen.add(rid);
      });
      if (d.memberRelationship.filter((r) => r === "SPOUSE").length > 1) {
        ctx.addIssue({ code: "custom", path: ["memberRelationship", d.memberRelationship.lastIndexOf("SPOUSE")], message: "applications.validation.moreThanOneSpouse" });
      }
    });
}

/** The form: incomes typed in yuan. */
export const draftDirectedLeaseSchema = directedLeaseSchema(incomeField);
/** The service: the same with incomes in fen. */
export const draftDirectedLeaseInputSchema = directedLeaseSchema(incomeFen);
export type DraftDirectedLeaseInput = z.input<typeof draftDirectedLeaseInputSchema>;

export const paperSignatureSchema = z.object({
  leaseId: id,
  /** The officer saw the tenant's resident ID card and the tenant signed the paper lease before them. */
  identityChecked: z.union([z.literal("on"), z.literal(true), z.literal("true")], { error: `${V}identityCheckRequired` }),
});
export type PaperSignatureInput = z.input<typeof paperSignatureSchema>;
