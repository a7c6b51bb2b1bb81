// The job queue on PostgreSQL (pg-boss): two portal servers' queues on one database take each job
// once, and a job sent again while one waits is not queued twice ("stately" queues). The real jobs
// are registered on both and the monthly billing run, sent to both, bills each lease once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { startJobQueue } from "@/lib/jobs/queue";
import type { Job } from "@/lib/jobs/registry";
import { prisma, seedDistricts, testDatabaseUrl, truncateAll } from "./db";

const started: PgBoss[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.stop({ graceful: false, wait: true })));
});

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

describe("the job queue (pg-boss)", () => {
  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
  });

  it("runs a job sent to two servers once, and runs them one at a time", async () => {
    const runs: string[] = [];
    let running = 0;
    let overlapped = false;
    const job = (server: string): Job => ({
      name: "test-once",
      async run() {
        running++;
        if (running > 1) overlapped = true;
        runs.push(server);
        await new Promise((r) => setTimeout(r, 300));
        running--;
        return "done";
      },
    });
    const a = await startJobQueue({ connectionString: testDatabaseUrl(), jobs: [job("a")], schedule: false, pollingIntervalSeconds: 0.5 });
    started.push(a);
    const b = await startJobQueue({ connectionString: testDatabaseUrl(), jobs: [job("b")], schedule: false, pollingIntervalSeconds: 0.5 });
    started.push(b);
    // Both servers send the tick's job; the stately queue keeps one waiting.
    const sent = await Promise.all([a.send("test-once", {}), b.send("test-once", {}), a.send("test-once", {})]);
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
    await until(async () => runs.length >= 1 && (await a.getQueueSize("test-once")) === 0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(runs).toHaveLength(1);
    expect(overlapped).toBe(false);
  }, 60_000);

  it("schedules every job of the registry once, from every server", async () => {
    const a = await startJobQueue({ connectionString: testDatabaseUrl(), pollingIntervalSeconds: 30 });
    started.push(a);
    const b = await startJobQueue({ connectionString: testDatabaseUrl(), pollingIntervalSeconds: 30 });
    started.push(b);
    const schedules = await a.getSchedules();
    const { jobs } = await import("@/lib/jobs/registry");
    expect(schedules.map((s) => s.name).sort()).toEqual(jobs.map((j) => j.name).sort());
    expect(schedules.every((s) => s.cron === "* * * * *" && s.options?.tz === "Asia/Shanghai")).toBe(true);
    expect(await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.schedule`).toEqual([{ n: BigInt(jobs.length) }]);
  }, 60_000);
});
