import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffDirectedNew } from "@/components/allocation/directed-pages";
import { directedEstateOptions } from "@/lib/allocation/directed";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.directed");
  return { title: t("create.title") };
}

/** A new directed allocation, for an estate the officer manages. */
export default async function NewDirectedRoute() {
  const user = await requirePermission("allocation:manage", undefined, { returnTo: "/staff/directed/new" });
  return <StaffDirectedNew estates={await directedEstateOptions(user)} today={todayCST()} />;
}
