// Whether `npm start` seeds the demo (accounts with the known password anju2025): decided by the
// database the start script opened, never by NODE_ENV. Pure, for the start script and its tests.

export type SeedPlan = { seed: "force" | "if-empty" | "never"; notice: string };

export function demoSeedPlan(input: { databaseUrlGiven: boolean; e2e: boolean; seedDemoRequested: boolean }): SeedPlan {
  if (input.e2e) return { seed: "force", notice: "end-to-end run: a fresh database with the demo data" };
  if (!input.databaseUrlGiven) return { seed: "if-empty", notice: "embedded database: the demo data is seeded when the database is empty" };
  if (input.seedDemoRequested) {
    return { seed: "if-empty", notice: "DATABASE_URL with ANJU_SEED_DEMO=1: the demo data (known passwords) is seeded when the database is empty" };
  }
  return { seed: "never", notice: "DATABASE_URL given: no demo data is seeded (ANJU_SEED_DEMO=1 would seed demo accounts with known passwords)" };
}
