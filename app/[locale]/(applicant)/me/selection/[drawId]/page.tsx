import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MySelectionPage } from "@/components/allocation/my-selection";
import { getMySelection } from "@/lib/allocation/selection-reads";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.selection");
  return { title: t("mine.pageTitle") };
}

type Props = { params: Promise<{ drawId: string }>; searchParams: Promise<{ unit?: string | string[] }> };

/** The household's own pool and unit selection; anyone else's draw is "not found". */
export default async function MySelectionRoute({ params, searchParams }: Props) {
  const { drawId } = await params;
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: `/me/selection/${drawId}` });
  const selection = await getMySelection(user, drawId);
  if (!selection) notFound();
  const { unit } = await searchParams;
  return <MySelectionPage selection={selection} chosenUnitId={typeof unit === "string" ? unit : null} />;
}
