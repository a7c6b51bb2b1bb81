import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffExchangesPage } from "@/components/tenancy/exchange-pages";
import { requirePermission } from "@/lib/auth/session";
import { exchangeListQuerySchema } from "@/lib/tenancy/exchange-schemas";
import { listExchanges } from "@/lib/tenancy/exchanges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exchanges.staff");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The exchange requests of the officer's district (the city's for municipal officers), Art. 33. */
export default async function StaffExchangesRoute({ searchParams }: Props) {
  const user = await requirePermission("lease:manage", undefined, { returnTo: "/staff/exchanges" });
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const query = exchangeListQuerySchema.parse({ q: one(raw.q), status: one(raw.status), reason: one(raw.reason), mandatory: one(raw.mandatory), page: one(raw.page) });
  return <StaffExchangesPage list={await listExchanges(user, query)} query={query} />;
}
