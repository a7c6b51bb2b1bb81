import "server-only";
import { prisma } from "@/lib/db/client";

// Which kind of portal this is, decided by the server process from the database it runs on, not
// from the shell that started it (`next start` always runs with NODE_ENV=production, whatever
// the shell had):
// - demo: the embedded PostgreSQL (PGlite) of `npm start` without DATABASE_URL, a portal to try
//   out on one machine, with demo accounts and the public development intake secret;
// - production: any real PostgreSQL. The development intake secret is never accepted there, and
//   demo accounts with known passwords are seeded only when ANJU_SEED_DEMO=1 asks for it.

export type DeploymentMode = "demo" | "production";

/** The embedded database says so in its version string: "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32…". */
export function isEmbeddedVersion(version: string): boolean {
  return /\(PGlite [^)]*\)/.test(version);
}

let cached: Promise<DeploymentMode> | undefined;

/** Asked of the database once per process. */
export function deploymentMode(): Promise<DeploymentMode> {
  cached ??= prisma
    .$queryRaw<{ version: string }[]>`SELECT version() AS version`
    .then((rows) => (isEmbeddedVersion(rows[0]?.version ?? "") ? "demo" : "production"))
    .catch((error: unknown) => {
      // Ask again next time: the database may not be up yet.
      cached = undefined;
      throw error;
    });
  return cached;
}

/** Tests only: forget the cached answer (a test switches databases). */
export function resetDeploymentModeForTests(): void {
  cached = undefined;
}
