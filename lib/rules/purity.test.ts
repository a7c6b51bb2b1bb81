import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// lib/rules must stay pure: no framework, no I/O, no clock, no randomness (rules-contract.md).
const dir = __dirname;
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
const ALLOWED_IMPORTS = [/^\.\//, /^node:crypto$/, /^chinese-days\/dist\/chinese-days\.json$/];
const FORBIDDEN = [
  [/Date\.now\s*\(/, "reads the clock"],
  [/new Date\s*\(\s*\)/, "reads the clock"],
  [/\bnew Date\s*\(/, "builds Date objects (use the day-number helpers)"],
  [/Math\.random/, "uses randomness"],
  [/\bprocess\./, "reads the process environment"],
  [/performance\.now/, "reads the clock"],
  [/crypto\.random|randomUUID|randomBytes/, "uses randomness"],
] as const;

describe("lib/rules purity", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(5);
  });
  for (const file of sources) {
    it(`${file} imports only allowed modules and reads no clock or randomness`, () => {
      const text = readFileSync(join(dir, file), "utf8");
      const imports = [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)].map((m) => m[1]!);
      for (const spec of imports) expect(ALLOWED_IMPORTS.some((re) => re.test(spec)), `${file} imports ${spec}`).toBe(true);
      for (const [re, why] of FORBIDDEN) expect(re.test(text), `${file} ${why}`).toBe(false);
    });
  }
});
