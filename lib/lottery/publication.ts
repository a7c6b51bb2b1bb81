import { createHash } from "node:crypto";
import { drawLottery, lotteryTicket, type LotteryEntrant } from "@/lib/rules/lottery";

// Art. 23: the public lottery files (shared/docs/lottery-publication.md). Their bytes are a contract:
// outside tools and anyone with `sha256sum` read them, so the formatting here is exact and the
// parsers report every deviation instead of guessing. Pure: no I/O, no clock, no randomness.

export type Outcome = "PRIORITY" | "GENERAL" | "WAITLIST";

/** One line of result.txt. */
export interface ResultRow {
  rank: number;
  applicationNo: string;
  ticket: string;
  outcome: Outcome;
}

export type FormatProblemCode =
  | "missing-newline"
  | "carriage-return"
  | "field-count"
  | "bad-number"
  | "bad-kind"
  | "duplicate"
  | "unsorted"
  | "bad-rank"
  | "bad-ticket"
  | "bad-outcome"
  | "outcome-order";

/** What is wrong with one line (numbered from 1); `message` is Simplified Chinese for the public. */
export interface FormatProblem {
  line: number;
  code: FormatProblemCode;
  message: string;
}

/** A parse never throws: it returns the lines it could read and every problem it found. */
export interface Parsed<T> {
  rows: T[];
  problems: FormatProblem[];
}

/**
 * Byte order of the strings' UTF-8 encodings (what `sort` does in the C locale), without encoding.
 * UTF-16 code units already sort like UTF-8 bytes, except that surrogates (code points above
 * U+FFFF, four UTF-8 bytes from F0) sort below U+E000..U+FFFF in UTF-16 but above them in UTF-8.
 */
export function compareByteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate && (x >= 0xe000 || y >= 0xe000)) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// A comma or line break would break the line format, whitespace would not survive the shell
// recipe's `read`, and a lone surrogate has no UTF-8 bytes of its own (it would be hashed as U+FFFD).
const APPLICATION_NO = /^[^\s,\p{Cc}\p{Cs}]+$/u;

/** Why `applicationNo` cannot appear in the public files, or null if it can. */
export function applicationNoProblem(applicationNo: string): string | null {
  if (applicationNo.length === 0) return "申请编号为空";
  if (!APPLICATION_NO.test(applicationNo)) return "申请编号含逗号、空白、控制字符或无效字符";
  return null;
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The draw seed: the committed secret joined to the public beacon, so neither side can grind. */
export function drawSeed(seedSecret: string, beacon: string): string {
  return `${seedSecret}:${beacon}`;
}

function assertPublishable(applicationNo: string): void {
  const problem = applicationNoProblem(applicationNo);
  if (problem !== null) throw new RangeError(`${problem}: ${JSON.stringify(applicationNo)}`);
}

/** entrants.txt: `applicationNo,P|G\n` per entrant, in byte order of the number. */
export function entrantsFile(entrants: readonly LotteryEntrant[]): string {
  const sorted = [...entrants].sort((a, b) => compareByteOrder(a.applicationNo, b.applicationNo));
  let out = "";
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    assertPublishable(e.applicationNo);
    if (i > 0 && sorted[i - 1]!.applicationNo === e.applicationNo) {
      throw new RangeError(`entrants list the applicationNo ${JSON.stringify(e.applicationNo)} twice`);
    }
    out += `${e.applicationNo},${e.priority ? "P" : "G"}\n`;
  }
  return out;
}

/** The file's lines without their `\n`, and whether the last one lacked it. */
function splitLines(text: string): { lines: string[]; lastUnterminated: boolean } {
  if (text.length === 0) return { lines: [], lastUnterminated: false };
  const lines = text.split("\n");
  const lastUnterminated = lines[lines.length - 1] !== "";
  if (!lastUnterminated) lines.pop();
  return { lines, lastUnterminated };
}

function lineProblems(line: string, lineNo: number, isLast: boolean, lastUnterminated: boolean): FormatProblem[] {
  const problems: FormatProblem[] = [];
  if (isLast && lastUnterminated) problems.push({ line: lineNo, code: "missing-newline", message: "最后一行没有以换行符结尾" });
  if (line.endsWith("\r")) problems.push({ line: lineNo, code: "carriage-return", message: "行尾有回车符（应只用 \\n 换行）" });
  return problems;
}

/** Reads entrants.txt; the rows are those lines that could be read, in file order. */
export function parseEntrantsFile(text: string): Parsed<LotteryEntrant> {
  const { lines, lastUnterminated } = splitLines(text);
  const rows: LotteryEntrant[] = [];
  const problems: FormatProblem[] = [];
  const seen = new Set<string>();
  let previous: string | null = null;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    problems.push(...lineProblems(raw, lineNo, index === lines.length - 1, lastUnterminated));
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const fields = line.split(",");
    if (fields.length !== 2) {
      problems.push({ line: lineNo, code: "field-count", message: `应有 2 个字段（申请编号,P 或 G），实有 ${fields.length} 个` });
      return;
    }
    const [applicationNo, kind] = fields as [string, string];
    const noProblem = applicationNoProblem(applicationNo);
    if (noProblem !== null) {
      problems.push({ line: lineNo, code: "bad-number", message: noProblem });
      return;
    }
    if (kind !== "P" && kind !== "G") {
      problems.push({ line: lineNo, code: "bad-kind", message: `类别应为 P 或 G，实为 ${JSON.stringify(kind)}` });
      return;
    }
    if (seen.has(applicationNo)) {
      problems.push({ line: lineNo, code: "duplicate", message: `申请编号 ${applicationNo} 重复` });
    } else if (previous !== null && compareByteOrder(previous, applicationNo) > 0) {
      problems.push({ line: lineNo, code: "unsorted", message: `未按字节序排列：${applicationNo} 排在 ${previous} 之后` });
    }
    seen.add(applicationNo);
    previous = applicationNo;
    rows.push({ applicationNo, priority: kind === "P" });
  });
  return { rows, problems };
}

/**
 * The rows of result.txt: the winners in housing order (priority round, then general round),
 * then everyone else in general-round order, ranked from 1.
 */
export function resultLines(seed: string, entrants: readonly LotteryEntrant[], units: number, priorityShare: number): ResultRow[] {
  const { winners, waitlist } = drawLottery({ seed, entrants: [...entrants], units, priorityShare });
  const rows: ResultRow[] = [];
  const add = (applicationNo: string, outcome: Outcome): void => {
    rows.push({ rank: rows.length + 1, applicationNo, ticket: lotteryTicket(seed, applicationNo), outcome });
  };
  for (const w of winners) add(w.applicationNo, w.round);
  for (const applicationNo of waitlist) add(applicationNo, "WAITLIST");
  return rows;
}

/** result.txt: `rank,applicationNo,ticket,outcome\n` per row. */
export function resultFile(rows: readonly ResultRow[]): string {
  let out = "";
  for (const r of rows) {
    assertPublishable(r.applicationNo);
    out += `${r.rank},${r.applicationNo},${r.ticket},${r.outcome}\n`;
  }
  return out;
}

const RANK = /^[1-9][0-9]*$/;
const TICKET = /^[0-9a-f]{64}$/;
const OUTCOME_ORDER: Record<Outcome, number> = { PRIORITY: 0, GENERAL: 1, WAITLIST: 2 };

function isOutcome(value: string): value is Outcome {
  return Object.hasOwn(OUTCOME_ORDER, value);
}

/**
 * Reads result.txt. Checks the shape only (ranks 1..n in order, hex tickets, outcomes in the
 * order PRIORITY, GENERAL, WAITLIST, no number twice); whether it is the right draw is verify's.
 */
export function parseResultFile(text: string): Parsed<ResultRow> {
  const { lines, lastUnterminated } = splitLines(text);
  const rows: ResultRow[] = [];
  const problems: FormatProblem[] = [];
  const seen = new Set<string>();
  let lastOutcome: Outcome | null = null;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    problems.push(...lineProblems(raw, lineNo, index === lines.length - 1, lastUnterminated));
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const fields = line.split(",");
    if (fields.length !== 4) {
      problems.push({ line: lineNo, code: "field-count", message: `应有 4 个字段（名次,申请编号,摇号码,结果），实有 ${fields.length} 个` });
      return;
    }
    const [rankText, applicationNo, ticket, outcome] = fields as [string, string, string, string];
    let ok = true;
    const problem = (code: FormatProblemCode, message: string): void => {
      problems.push({ line: lineNo, code, message });
      ok = false;
    };
    if (!RANK.test(rankText) || Number(rankText) !== lineNo) problem("bad-rank", `名次应为 ${lineNo}，实为 ${JSON.stringify(rankText)}`);
    const noProblem = applicationNoProblem(applicationNo);
    if (noProblem !== null) problem("bad-number", noProblem);
    else if (seen.has(applicationNo)) problem("duplicate", `申请编号 ${applicationNo} 重复`);
    if (!TICKET.test(ticket)) problem("bad-ticket", "摇号码应为 64 位小写十六进制");
    if (!isOutcome(outcome)) {
      problem("bad-outcome", `结果应为 PRIORITY、GENERAL 或 WAITLIST，实为 ${JSON.stringify(outcome)}`);
    } else {
      if (lastOutcome !== null && OUTCOME_ORDER[outcome] < OUTCOME_ORDER[lastOutcome]) {
        problem("outcome-order", `${outcome} 排在 ${lastOutcome} 之后（应依次为 PRIORITY、GENERAL、WAITLIST）`);
      }
      lastOutcome = outcome;
    }
    seen.add(applicationNo);
    if (ok && isOutcome(outcome)) rows.push({ rank: lineNo, applicationNo, ticket, outcome });
  });
  return { rows, problems };
}
