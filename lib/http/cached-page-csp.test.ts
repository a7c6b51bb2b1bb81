import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPolicyCache, scriptHashes, withHashes } from "../../scripts/cached-page-csp.mjs";
import { newNonce, pagePolicy } from "./csp";

// The policy of a page served from Next's cache (scripts/cached-page-csp.mjs, decision 030):
// the proxy's nonce is replaced by the hashes of the framework's inline scripts, learnt once per
// version (ETag) of the page.

const sha = (body: string) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
const CHUNKS = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1,2]});';
const START = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT = 'self.__next_f.push([1,"0:{\\"a\\":1}\\n"])';

function page(...scripts: string[]): string {
  return `<!DOCTYPE html><html><head><script src="/_next/static/chunks/x.js" async=""></script></head><body>${scripts.map((s) => `<script>${s}</script>`).join("")}</body></html>`;
}

describe("scriptHashes", () => {
  it("hashes each of the framework's inline script forms, once each, and counts the others", () => {
    const { sources, unknown } = scriptHashes(page(CHUNKS, START, FLIGHT, FLIGHT, "alert(1)"));
    expect(sources.split(" ")).toEqual([sha(CHUNKS), sha(START), sha(FLIGHT)]);
    expect(unknown).toBe(1);
  });

  it("does not take a flight string that closes early or holds a tag", () => {
    expect(scriptHashes(page('self.__next_f.push([1,"a"]);alert(1);x(["b"])')).unknown).toBe(1);
    expect(scriptHashes(page('self.__next_f.push([1,"<img>"])')).unknown).toBe(1);
  });
});

describe("withHashes", () => {
  const policy = pagePolicy(newNonce());
  it("replaces the nonce and 'strict-dynamic' by the hashes and keeps the rest", () => {
    const hashed = withHashes(policy, `${sha(START)} ${sha(FLIGHT)}`);
    expect(hashed).toMatch(/^script-src 'self' 'sha256-[^']+' 'sha256-[^']+'; default-src 'self'/);
    const scriptSrc = hashed.split("; ")[0]!;
    expect(scriptSrc).toBe(`script-src 'self' ${sha(START)} ${sha(FLIGHT)}`);
    expect(hashed.split("; ").slice(1)).toEqual(policy.split("; ").slice(1));
  });
  it("leaves only 'self' when the page has no framework script", () => {
    expect(withHashes(policy, "")).toMatch(/^script-src 'self'; /);
  });
});

describe("createPolicyCache", () => {
  // Every test page carries one script of no framework form, so each scan reports once.
  const ALIEN = "alert(1)";

  it("scans a version of a page once, and again when the same ETag comes with another body", () => {
    const scans: number[] = [];
    const cache = createPolicyCache({ onUnknownScripts: (n) => scans.push(n) });
    const html = page(START, FLIGHT, ALIEN);
    const first = cache.sourcesFor('"v1"', html);
    expect(first).toBe(`${sha(START)} ${sha(FLIGHT)}`);
    // The same version again: the kept hashes, without a scan.
    expect(cache.sourcesFor('"v1"', html)).toBe(first);
    expect(scans).toHaveLength(1);
    // Written as a Buffer, its length counts bytes: scanned once more, the same hashes.
    expect(cache.sourcesFor('"v1"', Buffer.from(html))).toBe(first);
    expect(scans).toHaveLength(2);
    // A body of another length under that tag is scanned, never given the old hashes.
    expect(cache.sourcesFor('"v1"', page(CHUNKS, ALIEN))).toBe(sha(CHUNKS));
    expect(scans).toHaveLength(3);
    expect(cache.size).toBe(1);
  });

  it("scans every time without an ETag, and keeps nothing", () => {
    const scans: number[] = [];
    const cache = createPolicyCache({ onUnknownScripts: (n) => scans.push(n) });
    expect(cache.sourcesFor(undefined, page(START, ALIEN))).toBe(sha(START));
    expect(cache.sourcesFor(undefined, page(START, ALIEN))).toBe(sha(START));
    expect(scans).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("forgets the oldest version past its limit", () => {
    const scans: number[] = [];
    const cache = createPolicyCache({ limit: 2, onUnknownScripts: (n) => scans.push(n) });
    cache.sourcesFor('"a"', page(START, ALIEN));
    cache.sourcesFor('"b"', page(FLIGHT, ALIEN));
    cache.sourcesFor('"c"', page(CHUNKS, ALIEN));
    expect(cache.size).toBe(2);
    expect(scans).toHaveLength(3);
    // "c" and "b" are kept; "a" was forgotten and is scanned again.
    expect(cache.sourcesFor('"c"', page(CHUNKS, ALIEN))).toBe(sha(CHUNKS));
    expect(cache.sourcesFor('"b"', page(FLIGHT, ALIEN))).toBe(sha(FLIGHT));
    expect(scans).toHaveLength(3);
    expect(cache.sourcesFor('"a"', page(START, ALIEN))).toBe(sha(START));
    expect(scans).toHaveLength(4);
  });
});
