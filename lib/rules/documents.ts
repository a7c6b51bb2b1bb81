import type { EmploymentBasis } from "./eligibility-types";

// Art. 16: what a household hands in with its application. What the agencies can verify through
// shared data (Art. 17-18: income, property, social insurance) is not asked for.

/** The documents an applicant uploads. */
export const UPLOAD_DOCUMENT_KINDS = ["ID_CARD", "HOUSEHOLD_REGISTER", "RESIDENCE_PERMIT", "LABOR_CONTRACT", "MARITAL_STATUS"] as const;
export type UploadDocumentKind = (typeof UPLOAD_DOCUMENT_KINDS)[number];

/**
 * The document groups an application needs (Art. 16), each satisfied by any one of its kinds: the
 * ID card; the household register or a residence permit; the marital status certificate; and the
 * labour contract when that is the applicant's basis of work (Art. 13.3).
 */
export function requiredDocumentGroups(employment: EmploymentBasis | string | null | undefined): UploadDocumentKind[][] {
  const groups: UploadDocumentKind[][] = [["ID_CARD"], ["HOUSEHOLD_REGISTER", "RESIDENCE_PERMIT"], ["MARITAL_STATUS"]];
  if (employment === "LABOR_CONTRACT") groups.push(["LABOR_CONTRACT"]);
  return groups;
}

/** The groups of `requiredDocumentGroups` that none of the uploaded kinds satisfies. */
export function missingDocumentGroups(employment: EmploymentBasis | string | null | undefined, uploaded: readonly string[]): UploadDocumentKind[][] {
  return requiredDocumentGroups(employment).filter((group) => !group.some((kind) => uploaded.includes(kind)));
}
