import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyPools } from "@/components/allocation/my-pools";
import { MyWaiting } from "@/components/allocation/my-waiting";
import { ApplicantHome } from "@/components/applicant/applicant-home";
import { listMyListOffers, listMyPools } from "@/lib/allocation/selection-reads";
import { listMyWaitingEntries } from "@/lib/allocation/waiting-list";
import { countLinkableIntakeApplications, countUnreadNotifications, listMyApplications } from "@/lib/applications/queries";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applicant");
  return { title: t("title") };
}

export default async function MePage() {
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: "/me" });
  // Applications from 渝快办 with this account's mobile number are linked once the applicant gives
  // the applicant's resident ID (docs/decisions/005): registration does not prove the number.
  const [applications, unread, linkable, pools, waiting, listOffers] = await Promise.all([
    listMyApplications(user),
    countUnreadNotifications(user),
    countLinkableIntakeApplications(user),
    listMyPools(user),
    listMyWaitingEntries(user),
    listMyListOffers(user),
  ]);
  const allocation = (
    <>
      <MyPools entries={pools} />
      <MyWaiting entries={waiting} offers={listOffers} />
    </>
  );
  return <ApplicantHome user={user} applications={applications} unreadNotifications={unread} linkableIntakeApplications={linkable} allocation={allocation} />;
}
