// Next.js calls register() once when the server starts (Node runtime only; not during the build):
// say what kind of portal this is (decided from its database, lib/deployment), then start the job
// queue (pg-boss on the same PostgreSQL: every server may run it, each job is done once).
// ANJU_SCHEDULER=off disables it on this server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { deploymentNotice } = await import("@/lib/deployment/announce");
  try {
    const notice = await deploymentNotice();
    for (const line of notice.lines) (notice.level === "warn" ? console.warn : console.info)(`[anju] ${line}`);
  } catch (error) {
    console.error(`[anju] could not reach the database at start: ${error instanceof Error ? error.name : "error"}`);
  }
  if (process.env.ANJU_SCHEDULER === "off") return;
  const { requireDatabaseUrl } = await import("@/lib/env");
  const { startScheduledWork } = await import("@/lib/jobs/queue");
  await startScheduledWork(requireDatabaseUrl());
}
