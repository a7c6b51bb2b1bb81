import { defineConfig, devices } from "@playwright/test";

// Journeys in Debian's Chromium against `next start`, served by the same start script as
// `npm start` in its --e2e mode: a fresh database (embedded, or TEST_DATABASE_URL's server)
// with the demo data seeded.
const port = Number(process.env.E2E_PORT ?? 3100);
// The intake API's secret for the journeys: configured, as on a real deployment (the database may
// be a real PostgreSQL, where the public development secret is refused). Workers load this file
// too, so the specs sign with the same value.
process.env.INTAKE_HMAC_SECRET ??= "e2e-intake-secret-for-tests-only";
// The test payment provider's secret likewise (lib/payments/providers.ts): the specs sign callbacks with it.
process.env.PAYMENT_TEST_SECRET ??= "e2e-payment-secret-for-tests-only";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  // The journeys, and the security suite's attacks on the running server (tests/security).
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, grep: /@phone/ },
  ],
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts --e2e",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", INTAKE_HMAC_SECRET: process.env.INTAKE_HMAC_SECRET, PAYMENT_TEST_SECRET: process.env.PAYMENT_TEST_SECRET },
  },
});
