// Direct database access for end-to-end fixtures: set up a precise state (a refusal notified
// weeks ago, a publicity period that has ended) that would take days to reach by clicking. The
// start script in --e2e mode writes the database URL to .data/e2e-database-url.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { withEncryptedResidentIds } from "../../lib/db/encrypted-client";
import { PrismaClient } from "../../lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function e2eDatabaseUrl(): string {
  // Playwright runs from the repository root (where the start script keeps .data); __dirname is
  // not reliable here because the generated Prisma client redefines it.
  const dataDir = path.resolve(process.cwd(), process.env.ANJU_DATA_DIR ?? ".data");
  const file = path.join(dataDir, "e2e-database-url");
  return readFileSync(file, "utf8").trim();
}

/**
 * A Prisma client on the database the e2e server uses (keep its use small: the embedded server
 * allows 10 connections), with the server's keys: resident IDs are encrypted and found as the
 * portal does it (decision 037; scripts/start.ts keeps the local keys in .data).
 */
export function e2ePrisma(): PrismaClient {
  if (!client) {
    const dataDir = path.resolve(process.cwd(), process.env.ANJU_DATA_DIR ?? ".data");
    process.env.DATA_KEYS ??= readFileSync(path.join(dataDir, "data-keys"), "utf8").trim();
    process.env.BLIND_INDEX_KEY ??= readFileSync(path.join(dataDir, "blind-index-key"), "utf8").trim();
    client = withEncryptedResidentIds(new PrismaClient({ adapter: new PrismaPg({ connectionString: e2eDatabaseUrl(), max: 2 }) }));
  }
  return client;
}
