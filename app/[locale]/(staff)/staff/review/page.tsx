import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewQueue } from "@/components/review/review-queue";
import { isCityWide } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts } from "@/lib/auth/staff-users";
import { listReviewQueue } from "@/lib/review/queue";
import { parseSearchParams, queueFilterSchema } from "@/lib/review/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.queue");
  return { title: t("title") };
}

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePermission("review:read", undefined, { returnTo: "/staff/review" });
  const filter = parseSearchParams(queueFilterSchema, await searchParams);
  const page = await listReviewQueue(user, filter);
  // The district filter, for those whose queue spans every district.
  const districts = isCityWide(user, "review:read") ? await listDistricts() : null;
  return <ReviewQueue page={page} filter={filter} districts={districts} />;
}
