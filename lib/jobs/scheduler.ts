import "server-only";

// Every job at once, in this process: the administrators' "run now" button (lib/jobs/actions.ts).
// Scheduled runs go through the job queue (lib/jobs/queue.ts).
import { jobs } from "./registry";

let running = false;

/** Runs every job once, one after another; a failing job is logged and does not stop the others. */
export async function runJobsOnce(now: Date = new Date()): Promise<{ name: string; result: string }[]> {
  if (running) return [];
  running = true;
  const results: { name: string; result: string }[] = [];
  try {
    for (const job of jobs) {
      try {
        results.push({ name: job.name, result: await job.run(now) });
      } catch (error) {
        console.error(`[jobs] ${job.name} failed: ${error instanceof Error ? error.name : "error"}`);
        results.push({ name: job.name, result: "failed" });
      }
    }
  } finally {
    running = false;
  }
  return results;
}
