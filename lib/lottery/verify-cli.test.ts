import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotteryEntrant } from "@/lib/rules/lottery";
import { entrantsFile, resultFile, resultLines } from "./publication";
import type { DrawJson } from "./verify";

// Art. 23: `npm run lottery:verify -- <portal URL> <drawId>` checks a draw from the public
// endpoints alone. This runs the real script against a local portal serving fixture draws.
// (It lives here rather than in scripts/ because the unit project collects lib/**/*.test.ts.)

const ROOT = path.resolve(__dirname, "../..");
const hex = (text: string): string => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

const SECRET = "8c1f4e2a9b7d3605e4f1a2b3c4d5e6f7";
const BEACON = "12 05 33 41 09";
const POOL: LotteryEntrant[] = Array.from({ length: 50 }, (_, i) => ({
  applicationNo: `GZF-500103-2026-${String(i * 7 + 3).padStart(6, "0")}`,
  priority: i % 5 === 0,
}));

interface Fixture {
  draw: string; // the JSON body as served
  entrants: string;
  result: string | null; // null: 404
  resultStatus?: number;
}

function drawJson(overrides: Partial<DrawJson> = {}): DrawJson {
  const entrantsText = entrantsFile(POOL);
  return {
    drawId: "good",
    planId: "plan-2026-1",
    planTitle: "2026 年第一批公租房配租",
    estateName: "康庄美地",
    districtCode: "500103",
    unitType: "ONE_BEDROOM",
    units: 15,
    priorityShare: 0.2,
    status: "DRAWN",
    committedAt: "2026-12-01T10:00:00+08:00",
    entrantCount: POOL.length,
    priorityEntrantCount: POOL.filter((p) => p.priority).length,
    entrantsSha256: hex(entrantsText),
    seedCommitment: hex(SECRET),
    beaconSource: "公证员在摇号现场宣读的数字",
    drawnAt: "2026-12-08T09:30:00+08:00",
    seedSecret: SECRET,
    beacon: BEACON,
    seed: `${SECRET}:${BEACON}`,
    cancelledAt: null,
    cancelReason: null,
    ...overrides,
  };
}

const entrants = entrantsFile(POOL);
const result = resultFile(resultLines(`${SECRET}:${BEACON}`, POOL, 15, 0.2));
const resultRows = result.split("\n").slice(0, -1);
// Rank 4 and rank 30 trade places: a waitlisted applicant moved into the winners.
const tampered = (() => {
  const rows = [...resultRows];
  const [r4, no4, t4, o4] = rows[3]!.split(",");
  const [r30, no30, t30, o30] = rows[29]!.split(",");
  rows[3] = [r4, no30, t30, o4].join(",");
  rows[29] = [r30, no4, t4, o30].join(",");
  return rows.map((l) => `${l}\n`).join("");
})();

const FIXTURES: Record<string, Fixture> = {
  good: { draw: JSON.stringify(drawJson()), entrants, result },
  tampered: { draw: JSON.stringify(drawJson({ drawId: "tampered" })), entrants, result: tampered },
  committed: {
    draw: JSON.stringify(drawJson({ drawId: "committed", status: "COMMITTED", drawnAt: null, seedSecret: null, beacon: null, seed: null })),
    entrants,
    result: null,
  },
  "result-500": { draw: JSON.stringify(drawJson({ drawId: "result-500" })), entrants, result: null, resultStatus: 500 },
  "bad-json": { draw: "{ not json", entrants, result },
  "bad-shape": { draw: JSON.stringify({ ...drawJson({ drawId: "bad-shape" }), status: "OPEN" }), entrants, result },
};

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const match = /^\/api\/v1\/lotteries\/([^/]+)(?:\/(entrants\.txt|result\.txt))?$/.exec(req.url ?? "");
    const fixture = match ? FIXTURES[decodeURIComponent(match[1]!)] : undefined;
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    if (req.method !== "GET" || !match || !fixture) return send(404, "application/json", '{"error":"not found"}');
    if (match[2] === "entrants.txt") return send(200, "text/plain; charset=utf-8", fixture.entrants);
    if (match[2] === "result.txt") {
      if (fixture.result === null) return send(fixture.resultStatus ?? 404, "application/json", '{"error":"not drawn"}');
      return send(200, "text/plain; charset=utf-8", fixture.result);
    }
    return send(200, "application/json; charset=utf-8", fixture.draw);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/lottery-verify.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run lottery:verify", () => {
  it("exit codes: 0 genuine, 1 tampered or not drawn, 2 cannot check", { timeout: 60_000 }, async () => {
    const [good, bad, committed, missing, result500, badJson, badShape, usage, noArgs] = await Promise.all([
      runCli([base, "good"]),
      runCli([base, "tampered"]),
      runCli([base, "committed"]),
      runCli([base, "missing"]),
      runCli([base, "result-500"]),
      runCli([base, "bad-json"]),
      runCli([base, "bad-shape"]),
      runCli(["not a url", "good"]),
      runCli([]),
    ]);

    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^✓ 种子承诺一致/m);
    expect(good.stdout).toMatch(/^✓ 中签结果与重算结果逐字节一致/m);
    expect(good.stdout).toMatch(/^✓ 报名名单的 SHA-256 与冻结时公布的 entrantsSha256 一致/m);
    expect(good.stdout).not.toMatch(/^✗/m);
    expect(good.stdout).toMatch(/全部 9 项核对一致/);

    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/^✗ 中签结果与重算结果在第 4 名不一致/m);
    expect(bad.stdout).toMatch(/^✓ 种子承诺一致/m);
    expect(bad.stdout).toMatch(/9 项核对中 1 项未通过/);

    expect(committed.code, committed.stderr).toBe(1);
    expect(committed.stdout).toMatch(/^✗ 本次抽签尚未摇号/m);
    expect(committed.stdout).toMatch(/^✓ 报名人数一致：共 50 人，其中优先 10 人/m);
    expect(committed.stdout).not.toMatch(/种子承诺/);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法核验：没有编号为 missing 的抽签.*404/);

    expect(result500.code).toBe(2);
    expect(result500.stderr).toMatch(/result\.txt 返回 HTTP 500/);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/不是有效的 JSON/);
    expect(badShape.code).toBe(2);
    expect(badShape.stderr).toMatch(/不符合规定格式/);

    for (const run of [usage, noArgs]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("用法：npm run lottery:verify -- <门户网址> <抽签编号>");
      expect(run.stderr).toContain("Usage: npm run lottery:verify -- <portal URL> <drawId>");
    }
  });

  it("exit code 2 when the portal cannot be reached", { timeout: 30_000 }, async () => {
    // A port that was just open and is now closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runCli([`http://127.0.0.1:${port}`, "good"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/无法核验：无法连接/);
  });
});
