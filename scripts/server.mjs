// The portal's HTTP server: Next's own request handler behind a Node HTTP server that records the
// socket's peer address (docs/decisions/030-client-addresses-and-csp.md). `next start` keeps a
// client's `X-Forwarded-For` as it came and offers no other way to the socket, so a forged header
// could not be told from a proxy's. Here every request gets `x-anju-peer-address` from
// `req.socket.remoteAddress`, replacing any copy the client sent; lib/auth/client-ip.ts believes
// `X-Forwarded-For` only when that peer is a trusted proxy. Plain JavaScript, run by Node as is
// (scripts/start.ts starts it the way it started `next start`).
//
//   node scripts/server.mjs [port]       (PORT, HOSTNAME and ANJU_NEXT_DIST_DIR as for next start)
import { createServer } from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-anju-peer-address";
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Node joins repeated unknown headers into one value; the whole value is replaced either way.
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  // rawHeaders is what the client sent; drop its copies there too, so nothing downstream sees them.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === PEER_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`[anju] serving on port ${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
