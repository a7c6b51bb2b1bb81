import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Art12Conflicts } from "@/components/review/art12-conflicts";
import { listArt12Conflicts } from "@/lib/applications/art12-conflicts";
import { requirePermission } from "@/lib/auth/session";
import { pageParam } from "@/lib/http/public-routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.conflicts");
  return { title: t("title") };
}

/** Portal submissions refused under Art. 12 in the officer's reach (decision 036). */
export default async function Art12ConflictsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePermission("review:read", undefined, { returnTo: "/staff/review/conflicts" });
  const { page } = await searchParams;
  return <Art12Conflicts page={await listArt12Conflicts(user, pageParam(typeof page === "string" ? page : null))} />;
}
