import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicantHome } from "@/components/applicant/applicant-home";
import { claimIntakeApplications, countUnreadNotifications, listMyApplications } from "@/lib/applications/queries";
import { requireRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applicant");
  return { title: t("title") };
}

export default async function MePage() {
  const user = await requireRole("APPLICANT", { returnTo: "/me" });
  // Applications from 渝快办 with this account's mobile number become the account's (docs/decisions/005).
  await claimIntakeApplications(user);
  const [applications, unread] = await Promise.all([listMyApplications(user), countUnreadNotifications(user)]);
  return <ApplicantHome user={user} applications={applications} unreadNotifications={unread} />;
}
