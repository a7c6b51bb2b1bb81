// Walks the audit chain (docs/decisions/029-tamper-evident-audit.md) in seq order, a page at a time
// by keyset on the unique seq (millions of rows: one index range read per page, nothing held but
// the previous hash), recomputes every row's hash with lib/audit-log/chain.ts and stops at the
// first broken link. Used by `npm run audit:verify` and the administrators' export.
//
// No `import "server-only"`: the audit:verify script imports this module.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { auditRowHash, GENESIS_HASH, type AuditChainContent } from "./chain";

export type ChainBreakKind =
  /** The row's content no longer gives its hash: it was edited after sealing. */
  | "content"
  /** The row's prevHash is not the hash of the row before it: a row was replaced or re-sealed. */
  | "link"
  /** A position of the chain is missing: a row was deleted. */
  | "gap"
  /** A row has no place in the chain: it was inserted past the sealing trigger. */
  | "unsealed";

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The position where the chain breaks (for a gap, the first missing one; null when unsealed). */
  seq: string | null;
  /** The row found there (for a gap, the next row present; null when the chain ends in the gap). */
  id: string | null;
  /** What was expected and what was found (hashes, or positions for a gap). */
  expected: string;
  found: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Rows whose hash and link were checked. */
  checked: number;
  /** First and last position checked (null when none). */
  firstSeq: string | null;
  lastSeq: string | null;
  /** The hash of the last row checked: recorded, it lets a later check notice rows removed from the end. */
  lastHash: string | null;
  break: ChainBreak | null;
}

export interface VerifyOptions {
  /** First position to check (default 1); its link is checked against the row before it. */
  fromSeq?: bigint;
  /** Last position to check (default: the end of the chain). */
  toSeq?: bigint;
  /** Rows per page (default 5,000). */
  pageSize?: number;
  /** Called after each page with the rows checked so far. */
  onProgress?: (checked: number) => void;
}

type Db = Pick<PrismaClient, "$queryRaw">;

/** A row as the walk reads it: the hashed content, its position (null while unsealed) and its links. */
interface ChainRow extends Omit<AuditChainContent, "seq"> {
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
}

// Every column as PostgreSQL's text, so that nothing is reinterpreted on the way (bigints, the
// timestamp without zone, jsonb's canonical text).
const COLUMNS = Prisma.sql`"seq"::text AS "seq", "id"::text AS "id",
  to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", "actorId", "actorRole"::text AS "actorRole",
  "action", "entityType", "entityId", "districtCode"::text AS "districtCode", "reason",
  "data"::text AS "dataText", "prevHash", "hash"`;

function content(row: ChainRow): AuditChainContent {
  return {
    seq: row.seq ?? "",
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    districtCode: row.districtCode,
    reason: row.reason,
    dataText: row.dataText,
  };
}

/** Checks the chain from `fromSeq` to `toSeq` (default: all of it). */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 5000;
  const from = options.fromSeq ?? 1n;
  if (from < 1n) throw new RangeError("fromSeq starts at 1");
  const result: ChainVerification = { ok: true, checked: 0, firstSeq: null, lastSeq: null, lastHash: null, break: null };
  const fail = (b: ChainBreak): ChainVerification => ({ ...result, ok: false, break: b });

  let prevHash = GENESIS_HASH;
  if (from > 1n) {
    const before = await db.$queryRaw<Array<{ hash: string | null }>>`SELECT "hash" FROM "AuditLog" WHERE "seq" = ${from - 1n}`;
    if (before.length === 0) {
      const next = await db.$queryRaw<ChainRow[]>`SELECT ${COLUMNS} FROM "AuditLog" WHERE "seq" >= ${from} ORDER BY "AuditLog"."seq" LIMIT 1`;
      return fail({ kind: "gap", seq: String(from - 1n), id: next[0]?.id ?? null, expected: String(from - 1n), found: next[0]?.seq ?? "end" });
    }
    prevHash = before[0]!.hash ?? "";
  }

  let expectedSeq = from;
  const to = options.toSeq ?? null;
  for (;;) {
    const page = await db.$queryRaw<ChainRow[]>`SELECT ${COLUMNS} FROM "AuditLog"
      WHERE "seq" >= ${expectedSeq} ${to === null ? Prisma.empty : Prisma.sql`AND "seq" <= ${to}`}
      ORDER BY "AuditLog"."seq" LIMIT ${pageSize}`;
    for (const row of page) {
      const seq = BigInt(row.seq!);
      if (seq !== expectedSeq) {
        return fail({ kind: "gap", seq: String(expectedSeq), id: row.id, expected: String(expectedSeq), found: row.seq! });
      }
      if (row.prevHash !== prevHash) return fail({ kind: "link", seq: row.seq, id: row.id, expected: prevHash, found: row.prevHash ?? "null" });
      const hash = auditRowHash(prevHash, content(row));
      if (row.hash !== hash) return fail({ kind: "content", seq: row.seq, id: row.id, expected: hash, found: row.hash ?? "null" });
      result.checked += 1;
      result.firstSeq ??= row.seq;
      result.lastSeq = row.seq;
      result.lastHash = hash;
      prevHash = hash;
      expectedSeq = seq + 1n;
    }
    options.onProgress?.(result.checked);
    if (page.length < pageSize) break;
  }
  if (to !== null && expectedSeq <= to) {
    // Rows deleted from the end of an asked-for range show as positions missing before its end.
    const later = await db.$queryRaw<ChainRow[]>`SELECT ${COLUMNS} FROM "AuditLog" WHERE "seq" > ${to} ORDER BY "AuditLog"."seq" LIMIT 1`;
    if (later.length > 0) return fail({ kind: "gap", seq: String(expectedSeq), id: later[0]!.id, expected: String(expectedSeq), found: later[0]!.seq! });
  }

  if (options.fromSeq === undefined && options.toSeq === undefined) {
    const unsealed = await db.$queryRaw<Array<{ id: string }>>`SELECT "id"::text AS "id" FROM "AuditLog" WHERE "seq" IS NULL ORDER BY "id" LIMIT 1`;
    if (unsealed.length > 0) return fail({ kind: "unsealed", seq: null, id: unsealed[0]!.id, expected: "seq", found: "null" });
  }
  return result;
}
