import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/allocation/inputs";
import { testPaymentSecret } from "@/lib/payments/providers";
import { testCallback, TEST_PROVIDER_ID } from "@/lib/payments/test-provider";
import { handlePaymentCallback, paymentOrderForCashier } from "./payments";
import { testCashierSchema, type TestCashierInput } from "./schemas";

// The test provider's cashier page stands in for a gateway's: it sends the callback the gateway
// would, signed with the provider's secret, through the same verification as any callback.

export async function payAtTestCashier(actor: Actor, input: TestCashierInput, options: { now?: Date } = {}) {
  const { paymentId, outcome } = parseInput(testCashierSchema, input);
  const at = options.now ?? clockNow();
  const order = await paymentOrderForCashier(TEST_PROVIDER_ID, paymentId);
  if (!order || order.createdById !== actor.id) return null;
  const secret = await testPaymentSecret();
  if (!secret) return null;
  const callback = testCallback(secret, { paymentId, orderNo: order.orderNo, status: outcome, amountFen: order.amountFen, paidAt: at.toISOString() }, at);
  const result = await handlePaymentCallback(TEST_PROVIDER_ID, new Headers(callback.headers), new TextEncoder().encode(callback.body), { now: at });
  return { leaseNo: order.lease.leaseNo, result: result.status === 200 ? result.body.result : "refused" };
}
