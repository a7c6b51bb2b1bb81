// `npm start` on a fresh machine (README quick start): with no DATABASE_URL, the start script opens
// the embedded database, migrates it and seeds the demo, then prints the demo accounts. Run here as
// the command runs, in its own process and data directory, up to the point where it would build and
// serve (ANJU_SKIP_BUILD=1; the server is not started without a build). A regression once made the
// script believe DATABASE_URL was given, and the demo was never seeded.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "anju-start-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The start script's output until it prints the demo accounts, fails, or `ms` pass. */
function startOutput(ms: number): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ANJU_DATA_DIR: dataDir, ANJU_SKIP_BUILD: "1", PORT: "3999", NODE_ENV: "development" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { cwd: process.cwd(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      resolve(out);
    };
    const timer = setTimeout(done, ms);
    const read = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("13800000014") || out.includes("no demo data is seeded")) done();
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", () => setTimeout(done, 100));
  });
}

describe("npm start on the embedded database", () => {
  it("seeds the demo and prints its accounts", async () => {
    const out = await startOutput(280_000);
    expect(out).toContain("embedded database: the demo data is seeded when the database is empty");
    expect(out).toContain("seeded the demo data");
    expect(out).toContain("13800000001");
    expect(out).toContain("13800000014");
    expect(out).not.toContain("no demo data is seeded");
  }, 300_000);
});
