import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyPools } from "@/components/allocation/my-pools";
import { MyWaiting } from "@/components/allocation/my-waiting";
import { ApplicantHome } from "@/components/applicant/applicant-home";
import { listMyListOffers, listMyPools } from "@/lib/allocation/selection-reads";
import { listMyWaitingEntries } from "@/lib/allocation/waiting-list";
import { countLinkableIntakeApplications, countUnreadNotifications, listMyApplications } from "@/lib/applications/queries";
import { isIntakeLinkLocked } from "@/lib/applications/link-intake";
import { requirePermission } from "@/lib/auth/session";
import { TenantLeaseCard } from "@/components/tenancy/tenancy-pages";
import { MyRepairsCard } from "@/components/repairs/repair-pages";
import { nextBillOf, statementOf } from "@/lib/tenancy/account";
import { listMyLeases } from "@/lib/tenancy/leases";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applicant");
  return { title: t("title") };
}

export default async function MePage() {
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: "/me" });
  // Applications from 渝快办 with this account's mobile number are linked once the applicant gives
  // a code sent to that number and the applicant's resident ID (docs/decisions/005, 035).
  const [applications, unread, linkable, linkLocked, pools, waiting, listOffers, leases] = await Promise.all([
    listMyApplications(user),
    countUnreadNotifications(user),
    countLinkableIntakeApplications(user),
    isIntakeLinkLocked(user.id),
    listMyPools(user),
    listMyWaitingEntries(user),
    listMyListOffers(user),
    listMyLeases(user),
  ]);
  // The tenancy first: the live lease, what is owed and the next bill.
  const lease = leases[0];
  const statement = lease && (lease.status === "ACTIVE" || lease.status === "HOLDING_OVER") ? await statementOf(user, lease.leaseNo) : null;
  const allocation = (
    <>
      {lease ? <TenantLeaseCard lease={lease} statement={statement} nextBill={statement ? nextBillOf(statement, lease) : null} /> : null}
      <MyRepairsCard user={user} />
      <MyPools entries={pools} />
      <MyWaiting entries={waiting} offers={listOffers} />
    </>
  );
  return <ApplicantHome user={user} applications={applications} unreadNotifications={unread} linkableIntakeApplications={linkable} intakeLinkLocked={linkLocked} allocation={allocation} />;
}
