import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";
import { withEncryptedResidentIds } from "./encrypted-client";

// One client per process. The embedded database is reached over the PostgreSQL wire protocol,
// so this single driver path serves PGlite and a real server alike (docs/decisions/001).
const globalForPrisma = globalThis as unknown as { anjuPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 5 });
  return withEncryptedResidentIds(new PrismaClient({ adapter }));
}

function getPrisma(): PrismaClient {
  if (!globalForPrisma.anjuPrisma) {
    globalForPrisma.anjuPrisma = createPrismaClient(requireDatabaseUrl());
  }
  return globalForPrisma.anjuPrisma;
}

/** The shared Prisma client, created on first use. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop, receiver) {
    const client = getPrisma();
    const value = Reflect.get(client, prop, receiver);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
