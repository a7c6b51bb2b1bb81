import type { IneligibilityCode } from "@/lib/rules/eligibility-types";

// Why an application moved, as the applicant's timeline shows it. Two parts, either optional:
// - `text`: what an officer wrote for the applicant (a refusal's reasons, a return's reason),
//   shown as written. Never an officer's internal note.
// - `key` and `params`: a reason the portal words itself, through the message files
//   (messages/<locale>/statusReasons.json), in the reader's language. Params are language-
//   neutral: article numbers as the Measures number them ("13.4", shown 第十三条第四项 or Art. 13.4
//   by articleLabel) and ineligibility codes.

export const STATUS_REASON_KEYS = [
  "returned",
  "refused",
  "objectionUpheld",
  "refusalFinal",
  "qualified",
  "appealUpheld",
  "appealReturned",
  "recheckCancelled",
  "withdrawn",
  "leaseLapsed",
  "directedLeaseLapsed",
] as const;
export type StatusReasonKey = (typeof STATUS_REASON_KEYS)[number];

export interface StatusReasonParams {
  /** Articles relied on, e.g. ["13.4", "19"]. */
  articles?: string[];
  /** Ineligibility codes found (a re-check's cancellation). */
  codes?: IneligibilityCode[];
}

export interface StatusReason {
  text?: string | null;
  key?: StatusReasonKey | null;
  params?: StatusReasonParams;
}

export function isStatusReasonKey(value: unknown): value is StatusReasonKey {
  return typeof value === "string" && (STATUS_REASON_KEYS as readonly string[]).includes(value);
}
