import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReferenceIncomes } from "@/components/reference/reference-incomes";
import { requirePermission } from "@/lib/auth/session";
import { listReferenceIncomes } from "@/lib/reference/reference-income";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referenceIncomes");
  return { title: t("title") };
}

export default async function ReferenceIncomesPage() {
  const user = await requirePermission("referenceIncome:manage", undefined, { returnTo: "/staff/reference-incomes" });
  return <ReferenceIncomes page={await listReferenceIncomes(user)} />;
}
