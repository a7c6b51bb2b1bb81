import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantHome } from "@/components/applicant/applicant-home";
import { requireRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applicant");
  return { title: t("title") };
}

export default async function MePage() {
  const user = await requireRole("APPLICANT", { returnTo: "/me" });
  return <ApplicantHome user={user} />;
}
