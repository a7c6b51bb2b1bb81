import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppealPage } from "@/components/appeals/appeal-page";
import { getAppealPage } from "@/lib/appeals/appeals";
import { requirePermission } from "@/lib/auth/session";
import { firstParam } from "@/lib/review/schemas";

type Props = {
  params: Promise<{ applicationNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.applicant");
  return { title: t("title") };
}

/** The applicant's appeal against a refusal (Art. 19); only for their own application. */
export default async function ApplicantAppealPage({ params, searchParams }: Props) {
  const applicationNo = decodeURIComponent((await params).applicationNo);
  const path = `/me/applications/${encodeURIComponent(applicationNo)}/appeal`;
  const user = await requirePermission("appeal:submit", undefined, { returnTo: path });
  if (applicationNo.length > 40) notFound();
  // Another household's application is "not found", so numbers cannot be probed.
  const page = await getAppealPage(user, applicationNo);
  if (!page) notFound();
  return <AppealPage page={page} submitted={firstParam((await searchParams).submitted) === "1"} />;
}
