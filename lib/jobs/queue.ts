import "server-only";
import PgBoss from "pg-boss";
import { jobs as registry, type Job } from "./registry";

// Scheduled work on a job queue in the portal's own PostgreSQL (pg-boss, schema "pgboss"), so that
// several portal servers can run side by side with each job done once: every server schedules the
// jobs (the schedule is one row per job, upserted), pg-boss sends one job per cron tick for all of
// them, and the queues are "stately" (at most one waiting and one running), so a slow run never piles
// up and two servers never run the same job at once. Every job stays idempotent besides: the
// database decides "only once" (unique keys, conditional updates), the queue only avoids the waste.

export const JOB_SCHEMA = "pgboss";
/** Every job looks for what is due each minute, China Standard Time. */
export const JOB_CRON = "* * * * *";

export interface JobQueueOptions {
  connectionString: string;
  jobs?: readonly Job[];
  /** Schedule the jobs by cron (servers do; a test sends jobs itself). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  /** Connections the queue may hold (the embedded database accepts few). */
  max?: number;
}

/** Starts the queue: creates the queues, schedules them and starts a worker per job. */
export async function startJobQueue(options: JobQueueOptions): Promise<PgBoss> {
  const jobs = options.jobs ?? registry;
  const boss = new PgBoss({ connectionString: options.connectionString, schema: JOB_SCHEMA, max: options.max ?? 2, application_name: "anju-jobs" });
  boss.on("error", (error) => console.error(`[jobs] queue error: ${error instanceof Error ? error.name : "error"}`));
  await boss.start();
  for (const job of jobs) {
    if (!(await boss.getQueue(job.name))) {
      try {
        await boss.createQueue(job.name, { name: job.name, policy: "stately", retryLimit: 0, expireInMinutes: 30 });
      } catch (error) {
        // Another server created it in the meantime.
        if (!(await boss.getQueue(job.name))) throw error;
      }
    }
    if (options.schedule !== false) await boss.schedule(job.name, JOB_CRON, {}, { tz: "Asia/Shanghai" });
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async () => {
      const summary = await job.run(new Date());
      return { summary };
    });
  }
  return boss;
}

/** Starts the queue once per process (instrumentation.ts); the connection is the portal's database. */
export async function startScheduledWork(connectionString: string): Promise<void> {
  const g = globalThis as unknown as { anjuJobQueue?: Promise<PgBoss> };
  if (g.anjuJobQueue) return;
  g.anjuJobQueue = startJobQueue({ connectionString });
  try {
    await g.anjuJobQueue;
  } catch (error) {
    delete g.anjuJobQueue;
    console.error(`[jobs] the job queue did not start: ${error instanceof Error ? error.message.split("\n")[0] : "error"}`);
  }
}
