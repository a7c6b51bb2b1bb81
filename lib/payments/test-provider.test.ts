import { describe, expect, it } from "vitest";
import { DEV_PAYMENT_SECRET, resolveTestPaymentSecret, signPaymentCallback, testCallback, testProvider } from "./test-provider";

// The test provider's signed callbacks: only a body signed with the secret, within 300 s of the
// clock, and shaped as a callback is read; anything else is refused with its reason.

const NOW = new Date("2026-12-01T02:00:00Z");
const secret = "a-secret-for-tests";
const body = { paymentId: "tp_0123456789abcdef01234567", orderNo: "PO-20261201-ABCDEF0123", status: "PAID" as const, amountFen: 120_000, paidAt: NOW.toISOString() };

function check(headers: Record<string, string>, raw: string, now = NOW) {
  return testProvider(secret).verifyCallback(new Headers(headers), new TextEncoder().encode(raw), now);
}

describe("the test provider's callbacks", () => {
  it("reads a correctly signed callback", () => {
    const cb = testCallback(secret, body, NOW);
    expect(check(cb.headers, cb.body)).toEqual({ ok: true, event: { providerPaymentId: body.paymentId, orderNo: body.orderNo, status: "PAID", amountFen: 120_000, paidAt: NOW } });
  });

  it.each([
    ["no signature", (h: Record<string, string>) => ({ ...h, "x-payment-signature": "" }), "missing"],
    ["a malformed signature", (h: Record<string, string>) => ({ ...h, "x-payment-signature": "md5=abc" }), "malformed"],
    ["another secret's signature", (h: Record<string, string>) => ({ ...h, "x-payment-signature": signPaymentCallback("other", h["x-payment-timestamp"]!, JSON.stringify(body)) }), "mismatch"],
    ["a timestamp 301 s old", (h: Record<string, string>) => ({ ...h, "x-payment-timestamp": String(Math.floor(NOW.getTime() / 1000) - 301) }), "stale"],
  ])("refuses %s", (_name, edit, reason) => {
    const cb = testCallback(secret, body, NOW);
    expect(check(edit(cb.headers), cb.body)).toEqual({ ok: false, reason });
  });

  it("refuses a signed body that is not a callback (an amount in yuan text, a negative amount, no JSON)", () => {
    for (const raw of [JSON.stringify({ ...body, amountFen: "1200.00" }), JSON.stringify({ ...body, amountFen: -1 }), "{not json"]) {
      const timestamp = String(Math.floor(NOW.getTime() / 1000));
      expect(check({ "x-payment-timestamp": timestamp, "x-payment-signature": signPaymentCallback(secret, timestamp, raw) }, raw)).toEqual({ ok: false, reason: "body" });
    }
  });
});

describe("the test provider's secret", () => {
  it.each([
    ["demo, none configured", undefined, "demo", { secret: DEV_PAYMENT_SECRET }],
    ["demo, configured", "mine-123456", "demo", { secret: "mine-123456" }],
    ["real database, configured", "mine-123456", "production", { secret: "mine-123456" }],
    ["real database, none", undefined, "production", { secret: null, problem: "missing" }],
    ["real database, the public development secret", DEV_PAYMENT_SECRET, "production", { secret: null, problem: "development-secret-in-production" }],
  ] as const)("%s", (_name, configured, mode, expected) => {
    expect(resolveTestPaymentSecret(configured, mode)).toEqual(expected);
  });
});
