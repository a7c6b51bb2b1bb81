// Runs in each integration test file's worker before the file is imported: points lib/env (and so
// lib/db/client.ts's shared `prisma`) at the database global-setup.ts migrated.
import { afterAll, inject } from "vitest";
import { TEST_INTAKE_SECRET, TEST_PAYMENT_SECRET } from "./db";

process.env.DATABASE_URL = inject("databaseUrl");
// The intake API's secret for the tests: a configured one, as a real deployment has (on a real
// PostgreSQL the development secret is refused; tests/integration/deployment.integration.test.ts).
process.env.INTAKE_HMAC_SECRET = TEST_INTAKE_SECRET;
// The test payment provider's secret likewise (lib/payments/providers.ts).
process.env.PAYMENT_TEST_SECRET = TEST_PAYMENT_SECRET;

// The embedded server refuses connections beyond its maximum, and a worker may run several files:
// close the shared client's pool after each file so connections do not pile up. lib/db/client.ts
// caches the client on globalThis; dropping it lets the next file create a fresh one.
afterAll(async () => {
  const cache = globalThis as unknown as { anjuPrisma?: { $disconnect(): Promise<void> } };
  const client = cache.anjuPrisma;
  delete cache.anjuPrisma;
  await client?.$disconnect();
});
