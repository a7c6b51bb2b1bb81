// The payment-provider interface (支付渠道). A tenant's online payment is an order of the portal
// (PaymentOrder); the provider takes the money on its own pages and tells the portal by a signed
// callback. Real providers (a bank's or a payment platform's gateway) plug in behind this
// interface; the built-in test provider (test-provider.ts) stands in for them in the demo and in
// tests. The portal trusts only a callback whose signature the provider verifies, and settles an
// order once, by the provider's payment id: a replayed or reordered callback changes nothing.

export interface CreatedPayment {
  /** The provider's id for the payment, unique within the provider. */
  providerPaymentId: string;
  /** Where the tenant's browser goes to pay. */
  payUrl: string;
}

/** What a verified callback says happened to a payment. */
export interface PaymentEvent {
  providerPaymentId: string;
  /** The portal's order number, echoed by the provider. */
  orderNo: string;
  status: "PAID" | "FAILED";
  amountFen: number;
  paidAt: Date;
}

export type CallbackCheck =
  | { ok: true; event: PaymentEvent }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" | "body" };

export interface PaymentProvider {
  /** A short stable name, stored on the order ("test", …). */
  readonly id: string;
  createPayment(order: { orderNo: string; amountFen: number; description: string }): Promise<CreatedPayment>;
  /** Verifies a callback's signature and reads its event; nothing is trusted before this. */
  verifyCallback(headers: Headers, rawBody: Uint8Array, now: Date): CallbackCheck;
}
