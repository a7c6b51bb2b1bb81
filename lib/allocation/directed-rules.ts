// Directed allocation (定向配租, Art. 24): the checks a nominee must pass before a unit is assigned.
// Pure: the service gathers the facts (from applications, leases, bans and shared data), this
// decides. Each problem cites the article it rests on.

export const NOMINEE_PROBLEMS = ["CLAIMED", "BANNED", "HAS_HOME", "NOT_EMPLOYED"] as const;
export type NomineeProblem = (typeof NOMINEE_PROBLEMS)[number];

/** The article each problem rests on (as lib/rules articleLabel writes them). */
export const NOMINEE_PROBLEM_ARTICLES: Record<NomineeProblem, string> = {
  // Art. 12: one application or public rental lease per person at a time.
  CLAIMED: "12",
  // Art. 40: barred from public rental housing for a time after a violation.
  BANNED: "40",
  // Art. 13: the housing condition, as the allocation sets it (no home held in the city).
  HAS_HOME: "13",
  // Art. 24: the units are for the park's enterprises' staff.
  NOT_EMPLOYED: "24",
};

export interface NomineeFacts {
  kind: "ENTERPRISE" | "RESETTLEMENT";
  /** On an open application, an occupying lease, or assigned a unit of another directed allocation. */
  claimed: boolean;
  /** The latest ban of the person still in force on `today`, as an ISO date, or null. */
  bannedUntil: string | null;
  today: string;
  /** Shared data (不动产登记) records a home the person holds. */
  holdsHome: boolean;
  requireNoHome: boolean;
  /** The officer saw the labour contract with the enterprise. */
  employmentConfirmed: boolean;
}

/** The checks the nominee fails, in a fixed order; [] when eligible. */
export function nomineeProblems(f: NomineeFacts): NomineeProblem[] {
  const problems: NomineeProblem[] = [];
  if (f.claimed) problems.push("CLAIMED");
  if (f.bannedUntil !== null && f.bannedUntil >= f.today) problems.push("BANNED");
  if (f.requireNoHome && f.holdsHome) problems.push("HAS_HOME");
  if (f.kind === "ENTERPRISE" && !f.employmentConfirmed) problems.push("NOT_EMPLOYED");
  return problems;
}
