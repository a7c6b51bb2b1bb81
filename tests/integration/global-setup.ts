// Runs once per `vitest --project integration` run, in the main vitest process: provides one
// migrated database to every test file (they run one after another, see vitest.config.ts).
// - TEST_DATABASE_URL set: that database is wiped (public schema dropped) and migrated.
// - Unset: an in-memory PGlite is served on a free 127.0.0.1 port for the run.
// Test files read the URL with inject("databaseUrl"); setup-env.ts also puts it in DATABASE_URL.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { resetDatabase } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgresql:// URL of the migrated test database. */
    databaseUrl: string;
    /** True when the database is the embedded PGlite server rather than TEST_DATABASE_URL. */
    databaseIsEmbedded: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.TEST_DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  const url = externalUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: "memory://" })).url;

  try {
    await resetDatabase(url, { environment: "test" });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  project.provide("databaseUrl", url);
  project.provide("databaseIsEmbedded", embedded !== undefined);
  return async () => {
    await embedded?.stop();
  };
}
