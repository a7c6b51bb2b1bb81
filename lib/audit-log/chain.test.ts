import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditRowHash, canonicalAuditEncoding, GENESIS_HASH, type AuditChainContent } from "./chain";

const row: AuditChainContent = {
  seq: "7",
  id: "12",
  at: "2026-12-14T01:02:03.004Z",
  actorId: "u1",
  actorRole: "ADMIN",
  action: "user.create",
  entityType: "User",
  entityId: "u2",
  districtCode: "500103",
  reason: "新建\n\"账号\"",
  dataText: '{"a": 1.50, "b": [1, 2]}',
};

describe("canonicalAuditEncoding", () => {
  it("is a JSON array of the version tag and every field as a string or null, in fixed order, no spaces", () => {
    expect(canonicalAuditEncoding(row)).toBe(
      '["anju-audit-v1","7","12","2026-12-14T01:02:03.004Z","u1","ADMIN","user.create","User","u2","500103","新建\\n\\"账号\\"","{\\"a\\": 1.50, \\"b\\": [1, 2]}"]',
    );
    expect(JSON.parse(canonicalAuditEncoding(row))).toEqual([
      "anju-audit-v1", "7", "12", row.at, "u1", "ADMIN", "user.create", "User", "u2", "500103", row.reason, row.dataText,
    ]);
  });

  it("writes null for absent fields, distinct from the text \"null\" of a jsonb null", () => {
    const bare = { ...row, actorId: null, actorRole: null, districtCode: null, reason: null, dataText: null };
    expect(canonicalAuditEncoding(bare)).toBe('["anju-audit-v1","7","12","2026-12-14T01:02:03.004Z",null,null,"user.create","User","u2",null,null,null]');
    expect(canonicalAuditEncoding({ ...bare, dataText: "null" })).not.toBe(canonicalAuditEncoding(bare));
  });

  it("escapes control characters as PostgreSQL's to_json does (\\u00XX lowercase), keeps other characters as they are", () => {
    expect(canonicalAuditEncoding({ ...row, reason: "\u0001\t/é😀\u2028" })).toContain('"\\u0001\\t/é😀\u2028"');
  });

  it("changes with every field", () => {
    const base = canonicalAuditEncoding(row);
    for (const key of Object.keys(row) as (keyof AuditChainContent)[]) {
      expect(canonicalAuditEncoding({ ...row, [key]: `${row[key]}x` }), key).not.toBe(base);
    }
  });
});

describe("auditRowHash", () => {
  it("is sha256 of the previous hash, a newline and the encoding, in lowercase hex", () => {
    const expected = createHash("sha256").update(`${GENESIS_HASH}\n${canonicalAuditEncoding(row)}`).digest("hex");
    expect(auditRowHash(GENESIS_HASH, row)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash("1".repeat(64), row)).not.toBe(expected);
  });
});
