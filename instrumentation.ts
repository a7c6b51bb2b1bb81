// Next.js calls register() once when the server starts: start the job scheduler there (Node
// runtime only; not during the build). ANJU_SCHEDULER=off disables it (e.g. for a second replica).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The intake API must not run in production without its shared secret (intake-api.md).
  const { assertIntakeConfigured } = await import("@/lib/intake/signature");
  assertIntakeConfigured();
  if (process.env.ANJU_SCHEDULER === "off") return;
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
