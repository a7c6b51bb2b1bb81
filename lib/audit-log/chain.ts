// The canonical encoding and hash of an audit row, as the database seals it (the migration
// 20261214000000_audit_chain, functions "AuditLog_canonical" and "AuditLog_hash"), so that the
// chain can be checked outside the database: docs/decisions/029-tamper-evident-audit.md.
//
// No `import "server-only"`: the audit:verify script imports this module. Pure: no I/O.
import { createHash } from "node:crypto";

/** The version tag that opens every encoding; a new encoding gets a new tag. */
export const AUDIT_ENCODING_VERSION = "anju-audit-v1";

/** prevHash of the first row of the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** An audit row's content, as text where PostgreSQL's text is the canonical form. */
export interface AuditChainContent {
  /** Position in the chain, decimal. */
  seq: string;
  /** The row's id, decimal. */
  id: string;
  /** ISO 8601 UTC with milliseconds, e.g. `2026-12-14T01:02:03.004Z`. */
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  districtCode: string | null;
  reason: string | null;
  /** `data::text`: PostgreSQL's text of the jsonb (keys ordered, spacing fixed), or null. */
  dataText: string | null;
}

/** A JSON string (or null), as PostgreSQL's to_json renders text: the same escapes as JSON.stringify. */
function jsonText(value: string | null): string {
  return value === null ? "null" : JSON.stringify(value);
}

/**
 * `["anju-audit-v1",seq,id,at,actorId,actorRole,action,entityType,entityId,districtCode,reason,data]`,
 * every field a JSON string or null, commas without spaces.
 */
export function canonicalAuditEncoding(row: AuditChainContent): string {
  const fields = [
    AUDIT_ENCODING_VERSION,
    row.seq,
    row.id,
    row.at,
    row.actorId,
    row.actorRole,
    row.action,
    row.entityType,
    row.entityId,
    row.districtCode,
    row.reason,
    row.dataText,
  ];
  return `[${fields.map(jsonText).join(",")}]`;
}

/** sha256(prevHash + "\n" + canonical encoding), UTF-8, lowercase hex. */
export function auditRowHash(prevHash: string, row: AuditChainContent): string {
  return createHash("sha256").update(`${prevHash}\n${canonicalAuditEncoding(row)}`, "utf8").digest("hex");
}

/** Milliseconds-precision ISO UTC of a `TIMESTAMP(3)` read as a Date (Prisma reads them as UTC). */
export function auditTimestamp(at: Date): string {
  return at.toISOString();
}
