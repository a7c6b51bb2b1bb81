// The portal's HTTP server: Next's own request handler behind a Node HTTP server that records the
// socket's peer address (docs/decisions/030-client-addresses-and-csp.md). `next start` keeps a
// client's `X-Forwarded-For` as it came and offers no other way to the socket, so a forged header
// could not be told from a proxy's. Here every request gets `x-anju-peer-address` from
// `req.socket.remoteAddress`, replacing any copy the client sent; lib/auth/client-ip.ts believes
// `X-Forwarded-For` only when that peer is a trusted proxy. Plain JavaScript, run by Node as is
// (scripts/start.ts starts it the way it started `next start`).
//
//   node scripts/server.mjs [port]       (or PORT; all interfaces, as next start; ANJU_NEXT_DIST_DIR)
// It also gives a page served from Next's cache its Content-Security-Policy: the hashes of its
// inline scripts instead of the proxy's nonce (scripts/cached-page-csp.mjs), learnt once per
// version of the page. A 304 for a page carries no policy at all: the browser keeps the one it
// stored with its copy, which was made for that copy's scripts.
import { createServer } from "node:http";
import next from "next";
import { createPolicyCache, withHashes } from "./cached-page-csp.mjs";

const PEER_ADDRESS_HEADER = "x-anju-peer-address";
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const policies = createPolicyCache({
  onUnknownScripts: (unknown) => console.error(`[anju] a cached page has ${unknown} inline script(s) of no framework form; they get no hash`),
});

/**
 * Whether this response is a page from Next's cache, with a nonce policy from the proxy: its
 * body is written whole by one end() (a cached page is not streamed).
 */
function isCachedPage(res) {
  const policy = res.getHeader("content-security-policy");
  return typeof policy === "string" && policy.includes("'nonce-") && res.getHeader("x-nextjs-cache") !== undefined && String(res.getHeader("content-type") ?? "").startsWith("text/html");
}

/**
 * A 304 revalidates the browser's stored copy of a page, and the browser merges the 304's headers
 * into it: a policy here (the proxy's, with this request's nonce) would replace the one the copy
 * was sent with, and the copy's scripts would not run. Without one, the stored policy stands.
 */
function keepStoredPolicy(res, status) {
  if (status === 304 && !res.headersSent) res.removeHeader("content-security-policy");
}

function hashCachedPages(res, isPage) {
  // Next's compression layer writes the head before it passes the body on, so the head of a
  // cached page is held back here until end() brings the body and the hashes are known.
  const writeHead = res.writeHead;
  const end = res.end;
  let held = null;
  res.writeHead = function (...args) {
    if (isPage) keepStoredPolicy(res, typeof args[0] === "number" ? args[0] : res.statusCode);
    if (held === null && !res.headersSent && isCachedPage(res)) {
      held = args;
      return this;
    }
    return writeHead.apply(this, args);
  };
  res.end = function (chunk, ...rest) {
    if (!res.headersSent && chunk && typeof chunk !== "function" && isCachedPage(res)) {
      res.setHeader("content-security-policy", withHashes(res.getHeader("content-security-policy"), policies.sourcesFor(res.getHeader("etag"), chunk)));
    }
    if (held !== null) {
      const args = held;
      held = false;
      writeHead.apply(this, args);
    }
    return end.call(this, chunk, ...rest);
  };
}

const server = createServer((req, res) => {
  // Node joins repeated unknown headers into one value; the whole value is replaced either way.
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  // rawHeaders is what the client sent; drop its copies there too, so nothing downstream sees them.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  // A page's HTML is read uncompressed to hash its scripts: pages (not Next's assets, not the
  // API) are asked of Next without compression, which in production is the reverse proxy's.
  const isPage = !req.url?.startsWith("/_next/") && !req.url?.startsWith("/api/");
  if (isPage) delete req.headers["accept-encoding"];
  hashCachedPages(res, isPage);
  void handle(req, res);
});
server.listen(port, () => {
  console.log(`[anju] serving on port ${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
