import "server-only";
import { deploymentMode } from "@/lib/deployment/mode";
import { getEnv } from "@/lib/env";
import type { PaymentProvider } from "./provider";
import { resolveTestPaymentSecret, testProvider, TEST_PROVIDER_ID } from "./test-provider";

// Which providers this portal takes payments through. The test provider runs in the demo (with
// PAYMENT_TEST_SECRET or the public development secret) and wherever PAYMENT_TEST_SECRET is set to
// a secret of its own (the journeys on a real PostgreSQL); a production portal without it has no
// test provider, and the public development secret is refused there.

/** The provider by its id, or null when this portal does not run it. */
export async function paymentProvider(id: string): Promise<PaymentProvider | null> {
  if (id !== TEST_PROVIDER_ID) return null;
  const state = resolveTestPaymentSecret(getEnv().PAYMENT_TEST_SECRET, await deploymentMode());
  return state.secret ? testProvider(state.secret) : null;
}

/** The provider tenants pay through now. */
export async function defaultPaymentProvider(): Promise<PaymentProvider | null> {
  return paymentProvider(TEST_PROVIDER_ID);
}

/** The test provider's secret, for its cashier page (which signs the callback as the provider would). */
export async function testPaymentSecret(): Promise<string | null> {
  return resolveTestPaymentSecret(getEnv().PAYMENT_TEST_SECRET, await deploymentMode()).secret;
}
