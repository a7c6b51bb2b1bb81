import { describe, expect, it } from "vitest";
import { signIntakeRequest, verifyIntakeSignature } from "./signature";

const secret = "test-secret-123";
const now = new Date("2026-03-02T01:00:00Z");
const ts = String(Math.floor(now.getTime() / 1000));
const body = new TextEncoder().encode('{"a":1}');

describe("intake signatures", () => {
  it("accepts the HMAC over `${timestamp}.${rawBody}`", () => {
    const signature = signIntakeRequest(secret, ts, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyIntakeSignature({ secret, timestamp: ts, signature, rawBody: body, now })).toEqual({ ok: true });
  });

  it("matches an independent computation", async () => {
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", secret).update(`${ts}.{"a":1}`).digest("hex");
    expect(signIntakeRequest(secret, ts, '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it("refuses a changed body, another secret, a missing or malformed header", () => {
    const signature = signIntakeRequest(secret, ts, body);
    expect(verifyIntakeSignature({ secret, timestamp: ts, signature, rawBody: new TextEncoder().encode('{"a":2}'), now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyIntakeSignature({ secret: "other-secret", timestamp: ts, signature, rawBody: body, now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyIntakeSignature({ secret, timestamp: null, signature, rawBody: body, now }).ok).toBe(false);
    expect(verifyIntakeSignature({ secret, timestamp: ts, signature: "md5=abc", rawBody: body, now })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyIntakeSignature({ secret, timestamp: "1e9", signature, rawBody: body, now })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses timestamps more than 300 s away, either way", () => {
    for (const offset of [301, -301, 100_000]) {
      const t = String(Number(ts) + offset);
      const signature = signIntakeRequest(secret, t, body);
      expect(verifyIntakeSignature({ secret, timestamp: t, signature, rawBody: body, now })).toEqual({ ok: false, reason: "stale" });
    }
    for (const offset of [300, -300, 0]) {
      const t = String(Number(ts) + offset);
      const signature = signIntakeRequest(secret, t, body);
      expect(verifyIntakeSignature({ secret, timestamp: t, signature, rawBody: body, now }).ok).toBe(true);
    }
  });
});
