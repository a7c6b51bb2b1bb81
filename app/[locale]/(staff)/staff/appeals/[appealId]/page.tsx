import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppealDetail } from "@/components/appeals/appeal-detail";
import { getAppealDetail } from "@/lib/appeals/appeals";
import { requirePermission } from "@/lib/auth/session";
import { firstParam } from "@/lib/review/schemas";

type Props = { params: Promise<{ appealId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.staff");
  return { title: t("title") };
}

export default async function AppealDetailPage({ params, searchParams }: Props) {
  const { appealId } = await params;
  const user = await requirePermission("appeal:decide", undefined, { returnTo: `/staff/appeals/${appealId}` });
  if (appealId.length > 64) notFound();
  const appeal = await getAppealDetail(user, appealId);
  if (!appeal) notFound();
  return <AppealDetail appeal={appeal} saved={firstParam((await searchParams).saved) === "1"} />;
}
