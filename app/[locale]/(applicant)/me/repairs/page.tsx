import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyRepairsPage } from "@/components/repairs/repair-pages";
import { requirePermission } from "@/lib/auth/session";
import { listMyRepairs, listPendingRepairPhotos, repairableLeaseOf } from "@/lib/repairs/repairs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repairs.mine");
  return { title: t("title") };
}

/** The tenant's repair requests and a new one (Art. 35). */
export default async function MyRepairsRoute() {
  const user = await requirePermission("repair:request", undefined, { returnTo: "/me/repairs" });
  const [lease, repairs, pendingPhotos] = await Promise.all([repairableLeaseOf(user), listMyRepairs(user), listPendingRepairPhotos(user)]);
  return <MyRepairsPage repairs={repairs} canFile={lease !== null} pendingPhotos={pendingPhotos} />;
}
