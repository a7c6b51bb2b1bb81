import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReviewDetail } from "@/components/review/review-detail";
import { SharedDataComparison } from "@/components/shared-data/comparison-panel";
import { requirePermission } from "@/lib/auth/session";
import { getReviewDetail } from "@/lib/review/detail";
import { firstParam } from "@/lib/review/schemas";

type Props = {
  params: Promise<{ applicationNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationNo } = await params;
  const t = await getTranslations("review.detail");
  return { title: t("title", { applicationNo: decodeURIComponent(applicationNo).slice(0, 40) }) };
}

export default async function ReviewDetailPage({ params, searchParams }: Props) {
  const applicationNo = decodeURIComponent((await params).applicationNo);
  const user = await requirePermission("review:read", undefined, { returnTo: `/staff/review/${encodeURIComponent(applicationNo)}` });
  if (applicationNo.length > 40) notFound();
  const detail = await getReviewDetail(user, applicationNo).catch((error: unknown) => {
    if ((error as { code?: string }).code === "FORBIDDEN") return "forbidden" as const;
    throw error;
  });
  if (detail === "forbidden") forbidden();
  if (!detail) notFound();
  // The shared-data comparison (Art. 17-18): declared vs. recorded per member, from lib/shared-data.
  const sharedDataPanel = <SharedDataComparison applicationId={detail.id} />;
  return <ReviewDetail detail={detail} user={user} done={firstParam((await searchParams).done)} sharedDataPanel={sharedDataPanel} />;
}
