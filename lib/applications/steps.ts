// The steps of the application form and how a schema's issues map to its fields: what the step
// forms need in the browser besides their options, which the server page gives them. No zod
// here: the forms load ./schemas (which re-exports this) only when first used
// (docs/decisions/009-client-bundles.md). Pure: server and browser.

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
