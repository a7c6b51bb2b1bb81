import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the browser may load (docs/decisions/009-client-bundles.md). Starting from every
// "use client" file and the modules shared with the browser, this walks the static import graph
// through project files ("./", "../", "@/") and fails where it reaches a module that is server-only
// or heavy: the whole rules index (it brings the lottery's node:crypto and the holiday calendar),
// the calendar itself, Node's modules, the database, next-intl's client runtime with its ICU parser. Type-only imports are erased by the compiler
// and are not followed; neither are the imports of "use server" files (the browser gets a
// reference to the action, not its code).

const ROOT = path.resolve(__dirname, "..");

/** Shared with the browser although not "use client" files themselves. */
const SHARED_ENTRIES = ["lib/applications/schemas.ts", "lib/money/parse.ts", "lib/money/format.ts"];

const FORBIDDEN_FILES = new Map([
  ["lib/rules/index.ts", "the whole rules index (use @/lib/rules/client)"],
  ["lib/rules/working-days.ts", "the holiday calendar"],
  ["lib/rules/lottery.ts", "the lottery (node:crypto)"],
  ["lib/rules/explanations.ts", "the explanation tables (explain on the server)"],
  ["lib/generated/prisma/client.ts", "the Prisma client"],
  ["lib/auth/permissions.ts", "the permission table (decide on the server, pass the answers as props)"],
]);
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Why a bare (package) import may not reach the browser, or null when it may. */
function forbiddenPackage(spec: string): string | null {
  if (spec.startsWith("node:") || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split("/")[0]!)) return "a Node module";
  if (spec === "server-only") return "server-only";
  if (spec === "chinese-days" || spec.startsWith("chinese-days/")) return "the holiday calendar";
  if (spec === "@prisma/client" || spec.startsWith("@prisma/")) return "Prisma";
  // next-intl's client runtime brings the ICU parser; client components translate with
  // @/components/i18n/client-intl (same hooks, compiled messages). next-intl/server is server-only.
  if (spec === "next-intl" || spec.startsWith("next-intl/") || spec === "use-intl" || spec.startsWith("use-intl/")) return "next-intl (use @/components/i18n/client-intl)";
  if (spec === "intl-messageformat" || spec.startsWith("@formatjs/") || spec === "icu-minify/compile") return "the ICU parser";
  return null;
}

function forbiddenFile(file: string): string | null {
  if (FORBIDDEN_FILES.has(file)) return FORBIDDEN_FILES.get(file)!;
  if (file.startsWith("lib/db/")) return "the database layer (lib/db)";
  return null;
}

const SKIP_DIRS = new Set(["node_modules", ".next", "generated", "test-results", ".data"]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    if (entry.startsWith(".") || SKIP_DIRS.has(entry)) continue;
    const rel = path.posix.join(dir, entry);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(rel);
  }
  return out;
}

function hasDirective(source: string, directive: "use client" | "use server"): boolean {
  // The directive must open the module (comments and blank lines may come before it).
  const body = source.replace(/^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return body.startsWith(`"${directive}"`) || body.startsWith(`'${directive}'`);
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
}

export interface RuntimeImport {
  spec: string;
  /** import("..."): loaded when the code runs, not with the page. */
  dynamic: boolean;
}

/** The modules a file loads at run time: imports and re-exports that are not type-only, dynamic imports. */
export function runtimeImports(source: string): RuntimeImport[] {
  const text = stripComments(source);
  const found: RuntimeImport[] = [];
  const staticForm = /(?:^|[;\n}])\s*(import|export)\s+([^;]*?)\s*from\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(staticForm)) {
    const clause = m[2]!.trim();
    if (/^type\b/.test(clause)) continue; // import type / export type
    const named = /^\{([\s\S]*)\}$/.exec(clause);
    if (named) {
      const parts = named[1]!.split(",").map((p) => p.trim()).filter(Boolean);
      if (parts.length > 0 && parts.every((p) => /^type\s/.test(p))) continue; // { type A, type B }: erased
    }
    found.push({ spec: m[3]!, dynamic: false });
  }
  for (const m of text.matchAll(/(?:^|[;\n])\s*import\s*["']([^"']+)["']/g)) found.push({ spec: m[1]!, dynamic: false }); // side-effect import
  for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push({ spec: m[1]!, dynamic: true });
  for (const m of text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push({ spec: m[1]!, dynamic: false });
  return found;
}

function resolveProjectImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  for (const candidate of candidates) {
    const abs = path.join(ROOT, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

export interface Violation {
  chain: string[];
  why: string;
}

/**
 * Every forbidden module reachable from `entry`, each with the import chain that reaches it.
 * `firstLoad`: only through static imports (what the page loads before anyone uses it), and zod
 * counts as forbidden there: forms load their schemas with import() when first used.
 */
export function forbiddenReachable(entry: string, options: { firstLoad?: boolean } = {}): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>([entry]);
  const queue: string[][] = [[entry]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1]!;
    const why = forbiddenFile(file);
    if (why) {
      violations.push({ chain, why });
      continue;
    }
    if (!/\.(ts|tsx)$/.test(file)) continue; // JSON and other assets: nothing to follow
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (chain.length > 1 && hasDirective(source, "use server")) continue;
    for (const { spec, dynamic } of runtimeImports(source)) {
      if (options.firstLoad && dynamic) continue;
      const target = resolveProjectImport(file, spec);
      if (target === null) {
        const pkgWhy = options.firstLoad && (spec === "zod" || spec.startsWith("zod/")) ? "zod on first load (load the schema with import())" : forbiddenPackage(spec);
        if (pkgWhy) violations.push({ chain: [...chain, spec], why: pkgWhy });
        continue;
      }
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push([...chain, target]);
    }
  }
  return violations;
}

const clientFiles = ["app", "components", "lib"]
  .flatMap((dir) => sourceFiles(dir))
  .filter((file) => hasDirective(readFileSync(path.join(ROOT, file), "utf8"), "use client"));
const entries = [...clientFiles, ...SHARED_ENTRIES];

describe("modules that reach the browser", () => {
  it("finds the client components and the shared modules", () => {
    expect(clientFiles).toContain("components/applications/household-form.tsx");
    expect(clientFiles).toContain("app/[locale]/error.tsx");
    expect(clientFiles).toContain("components/layout/header-nav.tsx");
    expect(clientFiles.length).toBeGreaterThan(20);
    for (const file of SHARED_ENTRIES) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it("reports what a server module reaches, so a forbidden import cannot go unseen", () => {
    const found = forbiddenReachable("lib/applications/drafts.ts").map((v) => v.why);
    expect(found).toContain("the whole rules index (use @/lib/rules/client)");
    expect(found).toContain("server-only");
    expect(found).toContain("the database layer (lib/db)");
    const i18n = forbiddenReachable("components/i18n/client-messages.tsx").map((v) => v.why);
    expect(i18n).toContain("next-intl (use @/components/i18n/client-intl)");
    expect(i18n).toContain("the ICU parser");
  });

  it("skips type-only imports and follows the rest", () => {
    expect(
      runtimeImports(
        [
          'import type { A } from "./a";',
          'import { type B, type C } from "./b";',
          'import { type D, e } from "./d";',
          'export type { F } from "./f";',
          'export { g } from "./g";',
          'import "./side-effect.css";',
          'const h = await import("./h");',
          '// import { x } from "./commented-out";',
        ].join("\n"),
      ),
    ).toEqual([
      { spec: "./d", dynamic: false },
      { spec: "./g", dynamic: false },
      { spec: "./side-effect.css", dynamic: false },
      { spec: "./h", dynamic: true },
    ]);
  });

  it.each(entries)("%s reaches no server-only or heavy module", (entry) => {
    const violations = forbiddenReachable(entry).map((v) => `${v.why}: ${v.chain.join(" → ")}`);
    expect(violations).toEqual([]);
  });

  it.each(clientFiles)("%s loads no zod with the page", (entry) => {
    const violations = forbiddenReachable(entry, { firstLoad: true }).map((v) => `${v.why}: ${v.chain.join(" → ")}`);
    expect(violations).toEqual([]);
  });
});
