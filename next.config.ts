import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const isDev = process.env.NODE_ENV !== "production";

// Next's inline bootstrap scripts and React's inline styles need 'unsafe-inline' without a nonce;
// everything else is same-origin only. Dev adds 'unsafe-eval' for React's debugging tools.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
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
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
