import { RELATIONSHIPS } from "@/lib/rules/client";

// The application form as the browser draws it: its steps, option lists, limits, document groups
// and how schema issues map to fields. No zod here, so the step pages load it with the page and
// fetch the schemas (./schemas, which re-exports all of this) only when a form is first used
// (docs/decisions/009-client-bundles.md). Pure: server and browser.

export const MARITAL_STATUSES = ["UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED"] as const;
export const ESTATE_LEVELS = ["MUNICIPAL", "DISTRICT"] as const;
export const CO_MEMBER_RELATIONSHIPS = RELATIONSHIPS.filter((r) => r !== "APPLICANT") as readonly Exclude<
  (typeof RELATIONSHIPS)[number],
  "APPLICANT"
>[];
/** A household of more than this is surely a mistake (or an attack on the form). */
export const MAX_HOUSEHOLD_MEMBERS = 20;
export const MAX_PREFERRED_ESTATES = 5;
/** Applicants whose employer must be named (Art. 13.3: a Chongqing employer or business). */
export const EMPLOYMENTS_NEEDING_EMPLOYER = ["LABOR_CONTRACT", "BUSINESS_LICENSE"] as const;

export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type EstateLevelValue = (typeof ESTATE_LEVELS)[number];

/** `["members", 0, "residentId"]` → "members.0.residentId", the path format of field errors and the intake API. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "" : path.map((p) => String(p)).join(".");
}

/**
 * Zod issues grouped by field (the issue's path, or "_form"), each message key passed through
 * `message`: the form steps show the server schema's verdict instantly with this.
 */
export function groupIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  message: (key: string) => string,
  field: (path: string) => string = (path) => path,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[field(issuePath(issue.path)) || "_form"] ??= []).push(message(issue.message));
  return errors;
}

// ───────────── the portal's steps (saved as a draft at each step) ─────────────

export const APPLY_STEPS = ["household", "work", "housing", "where", "documents", "review"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

export function isApplyStep(value: string): value is ApplyStep {
  return (APPLY_STEPS as readonly string[]).includes(value);
}

/** Which step a field of the application belongs to, for sending a person back to fix it. */
export function stepOfPath(path: string): ApplyStep {
  if (path.startsWith("members") || /^applicant\.(name|residentId|maritalStatus|fullCivilCapacity|annualIncomeFen)/.test(path)) return "household";
  if (path.startsWith("applicant")) return "work";
  if (path.startsWith("housing") || path === "familyCanSupportHousing" || path.startsWith("priorityCategories") || path === "receivesRentalSubsidy") return "housing";
  if (path === "districtCode" || path === "estateLevel" || path.startsWith("preferences")) return "where";
  if (path.startsWith("documents")) return "documents";
  return "review";
}

// ───────────── documents (Art. 16) ─────────────

/** What the applicant uploads in the portal (Art. 16): nothing the agencies get through data sharing. */
export const UPLOAD_DOCUMENT_KINDS = ["ID_CARD", "HOUSEHOLD_REGISTER", "RESIDENCE_PERMIT", "LABOR_CONTRACT", "MARITAL_STATUS"] as const;
export type UploadDocumentKind = (typeof UPLOAD_DOCUMENT_KINDS)[number];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_APPLICATION = 30;
export const ALLOWED_DOCUMENT_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/**
 * The document groups a portal application needs (Art. 16): the ID card, the household register or
 * a residence permit, the marital status certificate, and the labour contract when that is the basis.
 */
export function requiredDocumentGroups(employment: string | null | undefined): UploadDocumentKind[][] {
  const groups: UploadDocumentKind[][] = [["ID_CARD"], ["HOUSEHOLD_REGISTER", "RESIDENCE_PERMIT"], ["MARITAL_STATUS"]];
  if (employment === "LABOR_CONTRACT") groups.push(["LABOR_CONTRACT"]);
  return groups;
}

export function missingDocumentGroups(employment: string | null | undefined, uploaded: readonly string[]): UploadDocumentKind[][] {
  return requiredDocumentGroups(employment).filter((group) => !group.some((kind) => uploaded.includes(kind)));
}
