import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Who may do what is the permission table's (lib/auth/permissions.ts) and nobody else's: outside
// lib/auth no code asks which role a user has. Pages and services ask `can`, `scopeWhere` or a
// helper that reads the table (isCityWide, homeDistrictOf, belongsToDistrict...). This scan fails on
// a role comparison anywhere else: `x.role === "..."`, `"..." !== role`, `switch (user.role)`,
// `roles.includes(user.role)`.

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "components", "lib", "tests", "scripts", "i18n", "proxy.ts", "instrumentation.ts"];
const SKIPPED = new Set(["lib/auth", "lib/generated", "node_modules", ".next", ".data", "test-results"]);

const ROLE_QUESTIONS = [
  /\brole\s*(?:===|!==|==|!=)/,
  /(?:===|!==|==|!=)\s*[\w.?]*\brole\b/,
  /switch\s*\(\s*[\w.?]*\brole\s*\)/,
  /\.includes\(\s*[\w.?]*\brole\s*\)/,
];

function sourceFiles(rel: string): string[] {
  if (SKIPPED.has(rel)) return [];
  const full = path.join(ROOT, rel);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (!statSync(full).isDirectory()) return /\.(ts|tsx)$/.test(rel) ? [rel] : [];
  return readdirSync(full).flatMap((entry) => sourceFiles(path.posix.join(rel, entry)));
}

/** The lines of `source` that ask a role question (comments aside). */
function roleQuestions(source: string): string[] {
  return source
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => !line.startsWith("*") && ROLE_QUESTIONS.some((pattern) => pattern.test(line)));
}

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
    const files = SCANNED.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => roleQuestions(readFileSync(path.join(ROOT, file), "utf8")).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });
});
