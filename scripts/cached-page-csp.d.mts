// Types of scripts/cached-page-csp.mjs (plain JavaScript, run by Node as is), for its tests.
export function scriptHashes(html: string): { sources: string; unknown: number };
export function withHashes(policy: string, sources: string): string;
export interface PolicyCache {
  readonly size: number;
  sourcesFor(etag: unknown, body: string | Buffer): string;
}
export function createPolicyCache(options?: { limit?: number; onUnknownScripts?: (unknown: number) => void }): PolicyCache;
