// Next.js calls register() once when the server starts (Node runtime only; not during the build):
// say what kind of portal this is (decided from its database, lib/deployment), then start the job
// scheduler. ANJU_SCHEDULER=off disables it (e.g. for a second replica).
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
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
