import { describe, expect, it } from "vitest";
import { matchingLines, scan, sourceFiles } from "@/tests/support/source-scan";

// Who may do what is the permission table's (lib/auth/permissions.ts) and nobody else's: outside
// lib/auth no code asks which role a user has. Pages and services ask `can`, `scopeWhere` or a
// helper that reads the table (isCityWide, homeDistrictOf, belongsToDistrict...). This scan fails on
// a role comparison anywhere else: `x.role === "..."`, `"..." !== role`, `switch (user.role)`,
// `roles.includes(user.role)`.

const SCANNED = ["app", "components", "lib", "tests", "scripts", "i18n", "proxy.ts", "instrumentation.ts"];
const SKIPPED = new Set(["lib/auth", "lib/generated", "node_modules", ".next", ".data", "test-results"]);

const ROLE_QUESTIONS = [
  /\brole\s*(?:===|!==|==|!=)/,
  /(?:===|!==|==|!=)\s*[\w.?]*\brole\b/,
  /switch\s*\(\s*[\w.?]*\brole\s*\)/,
  /\.includes\(\s*[\w.?]*\brole\s*\)/,
];

/** The lines of `source` that ask a role question (comments aside). */
const roleQuestions = (source: string): string[] => matchingLines(source, ROLE_QUESTIONS);

describe("no role questions outside lib/auth", () => {
  it("recognises the ways of asking", () => {
    expect(roleQuestions('if (actor.role === "MUNICIPAL_OFFICER") x();')).toHaveLength(1);
    expect(roleQuestions('const ok = user.role !== "APPLICANT";')).toHaveLength(1);
    expect(roleQuestions('if ("ADMIN" == user?.role) y();')).toHaveLength(1);
    expect(roleQuestions("switch (user.role) {")).toHaveLength(1);
    expect(roleQuestions("if (!allowed.includes(user.role)) forbidden();")).toHaveLength(1);
    expect(roleQuestions('members.find((m) => m.relationship === "APPLICANT");')).toEqual([]);
    expect(roleQuestions("{ actorId: actor.id, actorRole: actor.role, action }")).toEqual([]);
    expect(roleQuestions('// a comment about user.role === "ADMIN"')).toEqual([]);
  });

  it("finds none in the code", () => {
    expect(SCANNED.flatMap((folder) => sourceFiles(folder, SKIPPED)).length).toBeGreaterThan(100);
    expect(scan(SCANNED, SKIPPED, ROLE_QUESTIONS)).toEqual([]);
  });
});
