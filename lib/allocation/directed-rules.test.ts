import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOMINEE_PROBLEM_ARTICLES, nomineeProblems, type NomineeFacts } from "./directed-rules";

const base: NomineeFacts = { kind: "ENTERPRISE", claimed: false, bannedUntil: null, today: "2026-12-01", holdsHome: false, requireNoHome: true, employmentConfirmed: true };

describe("nomineeProblems (Art. 24 with Art. 12, 13, 40)", () => {
  it.each<[string, Partial<NomineeFacts>, string[]]>([
    ["an eligible staff member", {}, []],
    ["Art. 12: already on an application or lease", { claimed: true }, ["CLAIMED"]],
    ["Art. 40: a ban in force today", { bannedUntil: "2026-12-01" }, ["BANNED"]],
    ["Art. 40: a ban that ended yesterday", { bannedUntil: "2026-11-30" }, []],
    ["Art. 13: holds a home where the allocation requires none", { holdsHome: true }, ["HAS_HOME"]],
    ["Art. 13: holds a home where the allocation allows it (resettlement)", { kind: "RESETTLEMENT", holdsHome: true, requireNoHome: false, employmentConfirmed: false }, []],
    ["Art. 24: an enterprise nominee without a labour contract seen", { employmentConfirmed: false }, ["NOT_EMPLOYED"]],
    ["Art. 24: a resettled household needs no employer", { kind: "RESETTLEMENT", employmentConfirmed: false }, []],
    ["every problem at once, in order", { claimed: true, bannedUntil: "2027-01-01", holdsHome: true, employmentConfirmed: false }, ["CLAIMED", "BANNED", "HAS_HOME", "NOT_EMPLOYED"]],
  ])("%s", (_name, facts, expected) => {
    expect(nomineeProblems({ ...base, ...facts })).toEqual(expected);
  });

  it("cites an article for every problem", () => {
    expect(Object.values(NOMINEE_PROBLEM_ARTICLES).every((a) => /^\d+$/.test(a))).toBe(true);
  });

  it("finds a nominee eligible exactly when no check fails, for all facts", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.option(fc.constantFrom("2026-11-30", "2026-12-01", "2027-06-30"), { nil: null }), (enterprise, claimed, holdsHome, requireNoHome, employed, bannedUntil) => {
        const f: NomineeFacts = { kind: enterprise ? "ENTERPRISE" : "RESETTLEMENT", claimed, holdsHome, requireNoHome, employmentConfirmed: employed, bannedUntil, today: "2026-12-01" };
        const eligible = !claimed && !(bannedUntil !== null && bannedUntil >= "2026-12-01") && !(requireNoHome && holdsHome) && (!enterprise || employed);
        expect(nomineeProblems(f).length === 0).toBe(eligible);
      }),
    );
  });
});
