import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplicationStatus } from "@/components/applications/application-status";
import { getMyApplicationStatus } from "@/lib/applications/queries";
import { requirePermission } from "@/lib/auth/session";

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

type Props = { params: Promise<{ applicationNo: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationNo } = await params;
  const t = await getTranslations("applications.statusPage");
  return { title: t("title", { applicationNo: (safeDecode(applicationNo) ?? "").slice(0, 40) }) };
}

/** The applicant's own application; anyone else's number is "not found". */
export default async function ApplicationStatusPage({ params, searchParams }: Props) {
  const { applicationNo: raw } = await params;
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: `/me/applications/${raw}` });
  const applicationNo = safeDecode(raw);
  if (!applicationNo) notFound();
  const view = await getMyApplicationStatus(user, applicationNo);
  if (!view) notFound();
  const { submitted } = await searchParams;
  return <ApplicationStatus view={view} justSubmitted={submitted === "1"} />;
}
