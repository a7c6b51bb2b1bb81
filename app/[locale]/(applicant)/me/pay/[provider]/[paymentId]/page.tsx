import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CashierPage } from "@/components/tenancy/tenancy-pages";
import { requirePermission } from "@/lib/auth/session";
import { TEST_PROVIDER_ID } from "@/lib/payments/test-provider";
import { paymentOrderForCashier } from "@/lib/tenancy/payments";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenancy.cashier");
  return { title: t("title") };
}

type Props = { params: Promise<{ provider: string; paymentId: string }> };

/** The test provider's cashier for the tenant's own order; anything else is "not found". */
export default async function CashierRoute({ params }: Props) {
  const { provider, paymentId } = await params;
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: `/me/pay/${provider}/${paymentId}` });
  if (provider !== TEST_PROVIDER_ID) notFound();
  const order = await paymentOrderForCashier(provider, paymentId);
  if (!order || order.createdById !== user.id) notFound();
  return <CashierPage order={order} />;
}
