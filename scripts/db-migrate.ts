// `tsx scripts/db-migrate.ts` (npm run db:migrate): applies pending migrations from
// prisma/migrations to DATABASE_URL, or, when it is unset, to the embedded database in
// <ANJU_DATA_DIR or .data>/pglite (the one `npm start` serves). Prisma's own `migrate deploy` cannot run on machines
// without its engines; see docs/decisions/002-migrations.md.
//
// The embedded database can be open in one process only: stop `npm start` first, or point
// DATABASE_URL at the server it prints.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { migrate, MigrationError } from "../lib/db/migrate";
import { getEnv } from "../lib/env";

const root = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<void> {
  let url = getEnv().DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!url) {
    // Same location as scripts/start.ts.
    const dataDir = path.join(path.resolve(root, process.env.ANJU_DATA_DIR ?? ".data"), "pglite");
    embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
    console.log(`[db:migrate] embedded database in ${path.relative(root, dataDir)}`);
  } else {
    console.log(`[db:migrate] ${url.replace(/\/\/[^@/]*@/, "//")}`);
  }
  try {
    const { applied, alreadyApplied } = await migrate(url, { log: (message) => console.log(`[db:migrate] ${message}`) });
    console.log(`[db:migrate] ${applied.length} applied, ${alreadyApplied.length} already applied.`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const prefix = error instanceof MigrationError ? `[db:migrate] ${error.code}: ` : "[db:migrate] ";
  console.error(prefix + (error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
});
