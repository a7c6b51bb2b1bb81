// The Content-Security-Policy of every response (docs/decisions/030-client-addresses-and-csp.md).
// No 'unsafe-inline' for scripts anywhere:
// - pages rendered per request carry a nonce made by proxy.ts for that request, which Next puts
//   on its own scripts (it reads it from the request's CSP header);
// - pages served from Next's cache (decision 013) were rendered once for everyone, so no nonce
//   can be in them: the portal's server (scripts/server.mjs) replaces the nonce of the proxy's
//   policy with the SHA-256 hashes of the framework's inline scripts in that page;
// - API routes and static files get SCRIPTLESS_POLICY from next.config.ts: nothing runs.
// style-src keeps 'unsafe-inline': React writes style attributes (progress bars, the phone
// cards' labels), which a nonce cannot cover. Development adds 'unsafe-eval' for React's tools.

const COMMON = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A page's policy with this request's nonce. 'strict-dynamic' lets the scripts Next loads from its
 * nonced ones run; 'self' is for browsers without it (they ignore it otherwise).
 */
export function pagePolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`, ...COMMON].join("; ");
}

/** API routes and static files: no script of any kind. */
export const SCRIPTLESS_POLICY = ["default-src 'self'", "script-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"].join("; ");

/** The request header Next reads the nonce from, and the one a server component may read it from. */
export const CSP_HEADER = "content-security-policy";
export const NONCE_HEADER = "x-nonce";
