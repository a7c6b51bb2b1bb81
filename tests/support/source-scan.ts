import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The code scans' shared reading of the tree (no role questions outside lib/auth, no whole-table
// query shapes): source files below some folders, and their lines that match, comments aside.

export const ROOT = path.resolve(__dirname, "../..");

/** The .ts/.tsx files under `rel` (a folder or a file), relative to the repository, skipping `skipped`. */
export function sourceFiles(rel: string, skipped: ReadonlySet<string>, options: { tests?: boolean } = {}): string[] {
  if (skipped.has(rel)) return [];
  const full = path.join(ROOT, rel);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (!statSync(full).isDirectory()) {
    return /\.(ts|tsx)$/.test(rel) && (options.tests !== false || !/\.test\.tsx?$/.test(rel)) ? [rel] : [];
  }
  return readdirSync(full).flatMap((entry) => sourceFiles(path.posix.join(rel, entry), skipped, options));
}

/** The lines of `source` that match one of `patterns`, with `//` comments and block-comment lines left out. */
export function matchingLines(source: string, patterns: readonly RegExp[]): string[] {
  return source
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => !line.startsWith("*") && patterns.some((pattern) => pattern.test(line)));
}

/** Every matching line under `folders`, as "file: line". */
export function scan(folders: readonly string[], skipped: ReadonlySet<string>, patterns: readonly RegExp[], options: { tests?: boolean } = {}): string[] {
  return folders
    .flatMap((folder) => sourceFiles(folder, skipped, options))
    .flatMap((file) => matchingLines(readFileSync(path.join(ROOT, file), "utf8"), patterns).map((line) => `${file}: ${line}`));
}
