import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

import { SCRIPTLESS_POLICY } from "./lib/http/csp";

// Pages get their Content-Security-Policy from proxy.ts (a nonce per request) or, served from
// Next's cache, from scripts/server.mjs (hashes); what the proxy does not see (API routes, Next's
// assets, static files) gets a policy that lets no script run (lib/http/csp.ts, decision 030).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  // Browsers ignore HSTS over plain http, so this is harmless on a local http server.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run dev` serves on localhost; let the dev client connect when opened as 127.0.0.1 too.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm test` type-checks the whole project (npm run typecheck); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // A separate build folder lets several checkouts' end-to-end runs build side by side.
  distDir: process.env.ANJU_NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  // Native or CommonJS packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "chinese-days", "@node-rs/argon2", "pg", "@react-pdf/renderer", "@react-pdf/layout", "@react-pdf/render", "pdfkit", "pg-boss"],
  experimental: {
    // forbidden() / forbidden.tsx: a real 403 for signed-in users without the permission.
    authInterrupts: true,
    // The same limit proxy.ts enforces with a 413 (lib/http/action-request.ts ACTION_BODY_LIMIT_BYTES).
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The proxy's matcher, turned round: what it does not see.
      ...["/api/:path*", "/_next/:path*", "/favicon.ico", "/icon.svg"].map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: SCRIPTLESS_POLICY }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
