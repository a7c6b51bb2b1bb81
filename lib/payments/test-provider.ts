import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { CallbackCheck, CreatedPayment, PaymentProvider } from "./provider";

// The built-in test provider: a cashier page inside the portal (/pay/test/<payment id>) where the
// tenant confirms or fails the payment, and a callback signed like a real gateway's:
// X-Payment-Timestamp (Unix seconds, within 300 s) and X-Payment-Signature "sha256=" + hex
// HMAC-SHA256 over `${timestamp}.${rawBody}` with the provider's secret. The body is JSON:
// { "paymentId", "orderNo", "status": "PAID" | "FAILED", "amountFen", "paidAt" }.

/** The public development secret: the demo on the embedded database only. */
export const DEV_PAYMENT_SECRET = "dev-payment-secret";
export const PAYMENT_CLOCK_SKEW_SECONDS = 300;
export const TEST_PROVIDER_ID = "test";

export type TestSecretState = { secret: string } | { secret: null; problem: "missing" | "development-secret-in-production" };

/**
 * The test provider's secret: in the demo PAYMENT_TEST_SECRET or the public development secret; on
 * a real database only a configured secret of its own, never the development one.
 */
export function resolveTestPaymentSecret(configured: string | undefined, mode: "demo" | "production"): TestSecretState {
  if (mode === "production") {
    if (!configured) return { secret: null, problem: "missing" };
    if (configured === DEV_PAYMENT_SECRET) return { secret: null, problem: "development-secret-in-production" };
    return { secret: configured };
  }
  return { secret: configured ?? DEV_PAYMENT_SECRET };
}

export const testCallbackBodySchema = z.object({
  paymentId: z.string().regex(/^tp_[A-Za-z0-9]{16,40}$/),
  orderNo: z.string().regex(/^PO-\d{8}-[A-Z0-9]{6,12}$/),
  status: z.enum(["PAID", "FAILED"]),
  amountFen: z.number().int().positive().max(100_000_000),
  paidAt: z.iso.datetime({ offset: true }),
});
export type TestCallbackBody = z.infer<typeof testCallbackBodySchema>;

export function signPaymentCallback(secret: string, timestamp: string, rawBody: Uint8Array | string): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest("hex")}`;
}

/** A signed callback as the test provider sends it: the body and the two headers. */
export function testCallback(secret: string, body: TestCallbackBody, now: Date): { body: string; headers: Record<string, string> } {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { body: raw, headers: { "content-type": "application/json", "x-payment-timestamp": timestamp, "x-payment-signature": signPaymentCallback(secret, timestamp, raw) } };
}

export function testProvider(secret: string): PaymentProvider {
  return {
    id: TEST_PROVIDER_ID,
    async createPayment(): Promise<CreatedPayment> {
      const providerPaymentId = `tp_${randomBytes(12).toString("hex")}`;
      return { providerPaymentId, payUrl: `/pay/test/${providerPaymentId}` };
    },
    verifyCallback(headers, rawBody, now): CallbackCheck {
      const timestamp = headers.get("x-payment-timestamp")?.trim() ?? null;
      const signature = headers.get("x-payment-signature")?.trim() ?? null;
      if (!timestamp || !signature) return { ok: false, reason: "missing" };
      const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature);
      if (!/^\d{1,12}$/.test(timestamp) || !match) return { ok: false, reason: "malformed" };
      if (!(Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) <= PAYMENT_CLOCK_SKEW_SECONDS)) return { ok: false, reason: "stale" };
      const expected = Buffer.from(signPaymentCallback(secret, timestamp, rawBody).slice(7), "hex");
      const given = Buffer.from(match[1]!.toLowerCase(), "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
      let parsed: TestCallbackBody;
      try {
        const result = testCallbackBodySchema.safeParse(JSON.parse(Buffer.from(rawBody).toString("utf8")));
        if (!result.success) return { ok: false, reason: "body" };
        parsed = result.data;
      } catch {
        return { ok: false, reason: "body" };
      }
      return { ok: true, event: { providerPaymentId: parsed.paymentId, orderNo: parsed.orderNo, status: parsed.status, amountFen: parsed.amountFen, paidAt: new Date(parsed.paidAt) } };
    },
  };
}
