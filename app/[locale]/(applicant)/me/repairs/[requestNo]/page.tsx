import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MyRepairPage } from "@/components/repairs/repair-pages";
import { requirePermission } from "@/lib/auth/session";
import { getMyRepair } from "@/lib/repairs/repairs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repairs.mine");
  return { title: t("title") };
}

type Props = { params: Promise<{ requestNo: string }>; searchParams: Promise<{ filed?: string | string[] }> };

/** The tenant's own request; anyone else's is "not found". */
export default async function MyRepairRoute({ params, searchParams }: Props) {
  const { requestNo } = await params;
  const user = await requirePermission("repair:request", undefined, { returnTo: `/me/repairs/${requestNo}` });
  const repair = await getMyRepair(user, requestNo);
  if (!repair) notFound();
  const { filed } = await searchParams;
  return <MyRepairPage repair={repair} filed={filed === "1"} />;
}
