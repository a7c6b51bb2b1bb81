// The Content-Security-Policy of a page served from Next's cache (docs/decisions/030-client-addresses-and-csp.md).
// Such a page was rendered once for everyone, so the nonce proxy.ts made for this request is not in
// it; the nonce and 'strict-dynamic' in the proxy's policy are replaced by the SHA-256 hashes of the
// page's inline scripts, each of which must be one of the framework's own forms (below); any other
// inline script gets no hash and does not run.
//
// A cached page is the same bytes for every visitor until Next regenerates it, and Next gives each
// such body an ETag computed from it. The hashes are therefore kept per ETag (with the body's
// length, checked again), so a version of a page is scanned and hashed once, not on every
// response. Plain JavaScript, imported by scripts/server.mjs.
import { createHash } from "node:crypto";

// The inline scripts Next writes into a page: its chunk list, the flight data's array and each
// piece of flight data (a JSON string; Next escapes "<" in it, so no tag can end it early).
const FRAMEWORK_SCRIPTS = [
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[(?:"[A-Za-z0-9_./-]+"(?:,"[A-Za-z0-9_./-]+")*)?\],"runtimeModuleIds":\[[0-9,]*\]\}\);?$/,
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  /^self\.__next_f\.push\(\[[1-3],"(?:[^"\\<]|\\.)*"\]\)$/,
];
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const NONCE_SOURCES = / 'nonce-[^']*' 'strict-dynamic'/;

/** The hash sources of a page's inline scripts of the framework's forms, and how many were not. */
export function scriptHashes(html) {
  const hashes = new Set();
  let unknown = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1];
    if (FRAMEWORK_SCRIPTS.some((form) => form.test(body))) hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
    else unknown++;
  }
  return { sources: [...hashes].join(" "), unknown };
}

/** The proxy's policy with its nonce replaced by the given hash sources (none: no script runs). */
export function withHashes(policy, sources) {
  return policy.replace(NONCE_SOURCES, sources ? ` ${sources}` : "");
}

/**
 * The hashes of the cached pages' versions this server has sent, by ETag, at most `limit` of them
 * (the oldest is forgotten first). A regenerated page has a new ETag, so nothing is ever stale.
 */
export function createPolicyCache({ limit = 1_000, onUnknownScripts = () => {} } = {}) {
  /** ETag -> { length, buffer (whether the length counts bytes or UTF-16 units), sources } */
  const byTag = new Map();
  return {
    get size() {
      return byTag.size;
    },
    /** The hash sources of this version of a page (its body, a string or a Buffer), scanning it only the first time. */
    sourcesFor(etag, body) {
      const length = body.length;
      const buffer = Buffer.isBuffer(body);
      const known = typeof etag === "string" ? byTag.get(etag) : undefined;
      if (known !== undefined && known.length === length && known.buffer === buffer) return known.sources;
      const { sources, unknown } = scriptHashes(buffer ? body.toString("utf8") : String(body));
      if (unknown > 0) onUnknownScripts(unknown);
      if (typeof etag === "string" && etag) {
        byTag.delete(etag);
        if (byTag.size >= limit) byTag.delete(byTag.keys().next().value);
        byTag.set(etag, { length, buffer, sources });
      }
      return sources;
    },
  };
}
