// `npm run lottery:verify -- <portal URL> <drawId>`: checks one public draw (Art. 23) from the
// portal's public files alone, as any outside tool could (shared/docs/lottery-publication.md).
// Exit codes: 0 every check passed; 1 a mismatch (or the draw is not drawn, or cancelled);
// 2 cannot check (bad usage, network or HTTP error, unknown draw, unreadable JSON).
import { drawJsonSchema, verifyDraw, type DrawJson } from "../lib/lottery/verify";

const USAGE = [
  "用法：npm run lottery:verify -- <门户网址> <抽签编号>",
  "Usage: npm run lottery:verify -- <portal URL> <drawId>",
  "",
  "例 / Example: npm run lottery:verify -- https://anju.example.gov.cn 2026-001",
  "退出码 / Exit codes: 0 全部一致 all checks passed; 1 不一致或未摇号 mismatch or not drawn; 2 无法核验 cannot check",
].join("\n");

const TIMEOUT_MS = 30_000;

/** Something that stops the check before any verdict: exit 2. */
class CannotCheck extends Error {}

async function get(url: string): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json, text/plain" } });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `（${error.cause.message}）` : "";
    throw new CannotCheck(`无法连接 ${url}：${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

/** The body's exact text: a BOM is kept, so that the hash is of the bytes as served. */
async function exactText(response: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

async function fetchDraw(base: string, drawId: string): Promise<{ draw: DrawJson; entrantsText: string; resultText: string | null }> {
  const drawUrl = `${base}/api/v1/lotteries/${encodeURIComponent(drawId)}`;
  const drawResponse = await get(drawUrl);
  if (drawResponse.status === 404) throw new CannotCheck(`没有编号为 ${drawId} 的抽签（${drawUrl} 返回 404）`);
  if (!drawResponse.ok) throw new CannotCheck(`${drawUrl} 返回 HTTP ${drawResponse.status}`);
  let json: unknown;
  try {
    json = JSON.parse(await exactText(drawResponse));
  } catch {
    throw new CannotCheck(`${drawUrl} 返回的不是有效的 JSON`);
  }
  const parsed = drawJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "（根）"}：${i.message}`);
    throw new CannotCheck(`${drawUrl} 返回的抽签记录不符合规定格式：${issues.join("；")}`);
  }
  if (parsed.data.drawId !== drawId) throw new CannotCheck(`请求的抽签编号为 ${drawId}，返回的却是 ${parsed.data.drawId}`);

  const entrantsUrl = `${drawUrl}/entrants.txt`;
  const entrantsResponse = await get(entrantsUrl);
  if (!entrantsResponse.ok) throw new CannotCheck(`${entrantsUrl} 返回 HTTP ${entrantsResponse.status}`);
  const entrantsText = await exactText(entrantsResponse);

  // result.txt is 404 until the draw; verifyDraw decides whether that is expected.
  const resultUrl = `${drawUrl}/result.txt`;
  const resultResponse = await get(resultUrl);
  let resultText: string | null = null;
  if (resultResponse.ok) resultText = await exactText(resultResponse);
  else if (resultResponse.status !== 404) throw new CannotCheck(`${resultUrl} 返回 HTTP ${resultResponse.status}`);
  return { draw: parsed.data, entrantsText, resultText };
}

function portalBase(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href.replace(/\/+$/, "");
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === "-h" || argv[0] === "--help")) {
    console.log(USAGE);
    return 0;
  }
  const base = argv.length === 2 ? portalBase(argv[0]!) : null;
  const drawId = argv[1] ?? "";
  if (base === null || drawId.length === 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    const input = await fetchDraw(base, drawId);
    const { draw } = input;
    console.log(`抽签 ${draw.drawId}：${draw.planTitle}，${draw.estateName}，${draw.unitType}，${draw.units} 套（状态 ${draw.status}）`);
    const { checks, ok } = verifyDraw(input);
    for (const check of checks) console.log(`${check.ok ? "✓" : "✗"} ${check.detail}  [${check.id}]`);
    const failed = checks.filter((c) => !c.ok).length;
    console.log(
      ok
        ? `结论：全部 ${checks.length} 项核对一致。Verified: all ${checks.length} checks passed.`
        : `结论：${checks.length} 项核对中 ${failed} 项未通过。Not verified: ${failed} of ${checks.length} checks failed.`,
    );
    return ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CannotCheck)) throw error;
    console.error(`无法核验：${error.message}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`无法核验：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
