import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApplyIntro } from "@/components/applications/apply-intro";
import { activeApplicationNoFor, getDraftView } from "@/lib/applications/drafts";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications.apply");
  return { title: t("title") };
}

/** Resumes the application in progress at its first unsaved step, or explains how to start. */
export default async function ApplyPage() {
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: "/me/apply" });
  const view = await getDraftView(user);
  if (view) redirect(`/me/apply/${view.nextStep}`);
  return <ApplyIntro activeApplicationNo={await activeApplicationNoFor(user)} />;
}
