import { z } from "zod";
import { seedCommitment } from "@/lib/rules/lottery";
import {
  drawSeed,
  parseEntrantsFile,
  parseResultFile,
  resultFile,
  resultLines,
  sha256Hex,
  type FormatProblem,
} from "./publication";

// Art. 23: checking a public draw from its public files alone (shared/docs/lottery-publication.md),
// as `npm run lottery:verify` and anyone else does. Pure: the caller fetches the files.
// Details are Simplified Chinese, for the public; they quote application numbers and hashes only.

const isoTime = z.string().min(1);

/** The `Draw` object of GET /api/v1/lotteries/{drawId}. */
export const drawJsonSchema = z.object({
  drawId: z.string().min(1),
  planId: z.string(),
  planTitle: z.string(),
  estateName: z.string(),
  districtCode: z.string(),
  unitType: z.string(),
  units: z.number().int().min(0),
  priorityShare: z.number().min(0).max(1),
  status: z.enum(["COMMITTED", "DRAWN", "CANCELLED"]),
  committedAt: isoTime,
  entrantCount: z.number().int().min(0),
  priorityEntrantCount: z.number().int().min(0),
  // Hashes are compared by the checks, not here, so that a wrong one is a mismatch, not unreadable.
  entrantsSha256: z.string(),
  seedCommitment: z.string(),
  beaconSource: z.string(),
  drawnAt: isoTime.nullable(),
  seedSecret: z.string().nullable(),
  beacon: z.string().nullable(),
  seed: z.string().nullable(),
  cancelledAt: isoTime.nullable(),
  cancelReason: z.string().nullable(),
});
export type DrawJson = z.infer<typeof drawJsonSchema>;

export const CHECK_IDS = [
  "entrants-hash",
  "entrants-format",
  "entrant-counts",
  "status",
  "commitment",
  "seed",
  "times",
  "result-format",
  "result",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface Check {
  id: CheckId;
  ok: boolean;
  detail: string;
}

export interface VerifyInput {
  draw: DrawJson;
  entrantsText: string;
  resultText: string | null; // null: result.txt was 404
}

const SHOWN_PROBLEMS = 5;

function describeProblems(problems: readonly FormatProblem[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `第 ${p.line} 行${p.message}`);
  const more = problems.length > SHOWN_PROBLEMS ? `；等共 ${problems.length} 处` : "";
  return shown.join("；") + more;
}

// An offset is required: without one Date.parse reads local time, which differs between machines.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseTime(value: string | null): number | null {
  if (value === null || !ISO_WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Where the published result.txt first departs from the recomputed one. */
function firstDifference(expected: string, published: string): string {
  const exp = expected.split("\n");
  const pub = published.split("\n");
  exp.pop(); // the expected file always ends with "\n"
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!;
    const p = pub[i];
    const rank = i + 1;
    const present = p === e;
    if (present && i < pub.length - 1) continue;
    if (present) {
      // The published file stops here, without the final "\n".
      if (i === exp.length - 1) return `公布的结果在第 ${rank} 名之后缺少换行符`;
      return `中签结果与重算结果在第 ${rank + 1} 名不一致：公布的结果只有 ${rank} 行，应有 ${exp.length} 行`;
    }
    if (p === undefined || (p === "" && i === pub.length - 1)) {
      return `中签结果与重算结果在第 ${rank} 名不一致：公布的结果只有 ${i} 行，应有 ${exp.length} 行`;
    }
    const [, eNo, eTicket, eOutcome] = e.split(",");
    const [, pNo, pTicket, pOutcome] = p.split(",");
    let why: string;
    if (pNo !== eNo) why = `应为 ${eNo ?? ""}，公布为 ${pNo ?? "（空）"}`;
    else if (pTicket !== eTicket) why = `${eNo ?? ""} 的摇号码应为 ${eTicket ?? ""}，公布为 ${pTicket ?? "（空）"}`;
    else if (pOutcome !== eOutcome) why = `${eNo ?? ""} 的结果应为 ${eOutcome ?? ""}，公布为 ${pOutcome ?? "（空）"}`;
    else why = `该行应为 ${e}，公布为 ${p}`;
    return `中签结果与重算结果在第 ${rank} 名不一致：${why}`;
  }
  return `公布的结果多于 ${exp.length} 行（名单共 ${exp.length} 人）`;
}

/** Every check of one draw; `ok` only if all pass. Never throws on bad files. */
export function verifyDraw(input: VerifyInput): { checks: Check[]; ok: boolean } {
  const { draw, entrantsText, resultText } = input;
  const checks: Check[] = [];
  const add = (id: CheckId, ok: boolean, detail: string): void => {
    checks.push({ id, ok, detail });
  };
  /** A check with one text for passing and one for failing. */
  const judge = (id: CheckId, ok: boolean, pass: string, fail: string): void => add(id, ok, ok ? pass : fail);

  // Checks that need no secret: the frozen pool is checkable from committedAt on.
  const entrantsHash = sha256Hex(entrantsText);
  judge(
    "entrants-hash",
    entrantsHash === draw.entrantsSha256,
    "报名名单的 SHA-256 与冻结时公布的 entrantsSha256 一致",
    `报名名单的 SHA-256 为 ${entrantsHash}，与公布的 entrantsSha256（${draw.entrantsSha256}）不一致`,
  );
  const entrants = parseEntrantsFile(entrantsText);
  judge(
    "entrants-format",
    entrants.problems.length === 0,
    `报名名单格式正确：共 ${entrants.rows.length} 行，每行以换行结尾，按申请编号字节序排列，类别均为 P 或 G，无重复`,
    `报名名单格式有误：${describeProblems(entrants.problems)}`,
  );
  const fileCount = entrants.rows.length;
  const filePriority = entrants.rows.filter((e) => e.priority).length;
  const countsOk = fileCount === draw.entrantCount && filePriority === draw.priorityEntrantCount;
  judge(
    "entrant-counts",
    countsOk,
    `报名人数一致：共 ${fileCount} 人，其中优先 ${filePriority} 人`,
    `报名人数不一致：公布共 ${draw.entrantCount} 人、优先 ${draw.priorityEntrantCount} 人，名单实有 ${fileCount} 人、优先 ${filePriority} 人`,
  );

  if (draw.status !== "DRAWN") {
    const why =
      draw.status === "CANCELLED"
        ? `本次抽签已取消（原因：${draw.cancelReason ?? "未公布"}），不会摇号，没有中签结果可核对`
        : "本次抽签尚未摇号（名单已冻结），种子和中签结果要到摇号后才公布，暂无法核对中签结果";
    add("status", false, why);
    return { checks, ok: false };
  }
  add("status", true, "本次抽签已摇号，种子和中签结果已公布");

  const { seedSecret, beacon } = draw;
  if (seedSecret === null) {
    add("commitment", false, "已摇号却未公布 seedSecret，无法核对种子承诺");
  } else {
    const commitment = seedCommitment(seedSecret);
    judge(
      "commitment",
      commitment === draw.seedCommitment,
      "种子承诺一致：SHA-256(seedSecret) 等于冻结时公布的 seedCommitment",
      `种子承诺不一致：SHA-256(seedSecret) 为 ${commitment}，冻结时公布的 seedCommitment 为 ${draw.seedCommitment}`,
    );
  }

  // The draw is bound to secret + beacon, not to the published `seed`, which is a convenience copy.
  const seed = seedSecret !== null && beacon !== null ? drawSeed(seedSecret, beacon) : null;
  if (seed === null) {
    add("seed", false, "已摇号却未公布 seedSecret 或 beacon，无法核对种子");
  } else {
    judge(
      "seed",
      draw.seed === seed,
      `种子一致：seed 等于 seedSecret + ":" + beacon（信标 ${beacon ?? ""}，来源：${draw.beaconSource}）`,
      `种子不一致：seed 应为 seedSecret + ":" + beacon，即 ${JSON.stringify(seed)}，公布为 ${JSON.stringify(draw.seed)}`,
    );
  }

  const committedAt = parseTime(draw.committedAt);
  const drawnAt = parseTime(draw.drawnAt);
  if (committedAt === null || drawnAt === null) {
    const bad = [committedAt === null ? `committedAt（${draw.committedAt}）` : "", drawnAt === null ? `drawnAt（${String(draw.drawnAt)}）` : ""]
      .filter(Boolean)
      .join("、");
    add("times", false, `时间无效：${bad} 不是带时区的 ISO 8601 时间`);
  } else {
    judge(
      "times",
      drawnAt > committedAt,
      `时间先后正确：摇号时间 ${draw.drawnAt ?? ""} 晚于名单冻结时间 ${draw.committedAt}`,
      `时间先后有误：摇号时间 ${draw.drawnAt ?? ""} 不晚于名单冻结时间 ${draw.committedAt}`,
    );
  }

  if (resultText === null) {
    add("result-format", false, "已摇号却未取得 result.txt，无法核对结果文件");
    add("result", false, "已摇号却未公布中签结果，无法与重算结果比对");
    return { checks, ok: false };
  }
  const published = parseResultFile(resultText);
  judge(
    "result-format",
    published.problems.length === 0,
    `结果文件格式正确：共 ${published.rows.length} 行，名次从 1 连续编排`,
    `结果文件格式有误：${describeProblems(published.problems)}`,
  );

  if (seed === null) {
    add("result", false, "缺少 seedSecret 或 beacon，无法重算中签结果");
  } else {
    let expected: string | null = null;
    let failure = "";
    try {
      expected = resultFile(resultLines(seed, entrants.rows, draw.units, draw.priorityShare));
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (expected === null) {
      add("result", false, `无法按公布的名单重算中签结果：${failure}`);
    } else if (expected === resultText) {
      const winners = Math.min(draw.units, entrants.rows.length);
      add(
        "result",
        true,
        `中签结果与重算结果逐字节一致：共 ${entrants.rows.length} 行，中签 ${winners} 户，轮候 ${entrants.rows.length - winners} 户`,
      );
    } else {
      add("result", false, firstDifference(expected, resultText));
    }
  }
  return { checks, ok: checks.every((c) => c.ok) };
}
