// The portal's HTTP server: Next's own request handler behind a Node HTTP server that records the
// socket's peer address (docs/decisions/030-client-addresses-and-csp.md). `next start` keeps a
// client's `X-Forwarded-For` as it came and offers no other way to the socket, so a forged header
// could not be told from a proxy's. Here every request gets `x-anju-peer-address` from
// `req.socket.remoteAddress`, replacing any copy the client sent; lib/auth/client-ip.ts believes
// `X-Forwarded-For` only when that peer is a trusted proxy. Plain JavaScript, run by Node as is
// (scripts/start.ts starts it the way it started `next start`).
//
//   node scripts/server.mjs [port]       (or PORT; all interfaces, as next start; ANJU_NEXT_DIST_DIR)
// It also gives a page served from Next's cache its Content-Security-Policy: such a page was
// rendered once for everyone, so the nonce proxy.ts made for this request is not in it; the nonce
// and 'strict-dynamic' in the proxy's policy are replaced by the SHA-256 hashes of the page's
// inline scripts, each of which must be one of the framework's own forms (below); any other inline
// script gets no hash and does not run.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-anju-peer-address";
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// The inline scripts Next writes into a page: its chunk list, the flight data's array and each
// piece of flight data (a JSON string; Next escapes "<" in it, so no tag can end it early).
const FRAMEWORK_SCRIPTS = [
  /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks":\[(?:"[A-Za-z0-9_./-]+"(?:,"[A-Za-z0-9_./-]+")*)?\],"runtimeModuleIds":\[[0-9,]*\]\}\);?$/,
  /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$/,
  /^self\.__next_f\.push\(\[[1-3],"(?:[^"\\<]|\\.)*"\]\)$/,
];
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The policy for a cached page: the proxy's, with its nonce replaced by the scripts' hashes. */
export function cachedPagePolicy(policy, html) {
  const hashes = new Set();
  let unknown = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1];
    if (FRAMEWORK_SCRIPTS.some((form) => form.test(body))) hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
    else unknown++;
  }
  if (unknown > 0) console.error(`[anju] a cached page has ${unknown} inline script(s) of no framework form; they get no hash`);
  return policy.replace(/ 'nonce-[^']*' 'strict-dynamic'/, hashes.size > 0 ? ` ${[...hashes].join(" ")}` : "");
}

/**
 * Whether this response is a page from Next's cache, with a nonce policy from the proxy: its
 * body is written whole by one end() (a cached page is not streamed).
 */
function isCachedPage(res) {
  const policy = res.getHeader("content-security-policy");
  return typeof policy === "string" && policy.includes("'nonce-") && res.getHeader("x-nextjs-cache") !== undefined && String(res.getHeader("content-type") ?? "").startsWith("text/html");
}

function hashCachedPages(res) {
  // Next's compression layer writes the head before it passes the body on, so the head of a
  // cached page is held back here until end() brings the body and the hashes are known.
  const writeHead = res.writeHead;
  const end = res.end;
  let held = null;
  res.writeHead = function (...args) {
    if (held === null && !res.headersSent && isCachedPage(res)) {
      held = args;
      return this;
    }
    return writeHead.apply(this, args);
  };
  res.end = function (chunk, ...rest) {
    if (!res.headersSent && chunk && typeof chunk !== "function" && isCachedPage(res)) {
      const html = Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
      res.setHeader("content-security-policy", cachedPagePolicy(res.getHeader("content-security-policy"), html));
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
  if (!req.url?.startsWith("/_next/") && !req.url?.startsWith("/api/")) delete req.headers["accept-encoding"];
  hashCachedPages(res);
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
