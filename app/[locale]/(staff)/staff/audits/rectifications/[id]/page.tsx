import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RectificationDetail } from "@/components/audits/rectification-detail";
import { getRectification } from "@/lib/audits/audit-service";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audits.rectification");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function RectificationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  const user = await requirePermission("rectification:read", undefined, { returnTo: `/staff/audits/rectifications/${id}` });
  const data = await getRectification(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const expected = { reported: "REPORTED", accepted: "ACCEPTED", reopened: "REOPENED" } as const;
  const shown = typeof done === "string" && done in expected && data.rectification.status === expected[done as keyof typeof expected] ? (done as keyof typeof expected) : undefined;
  return <RectificationDetail {...data} done={shown} />;
}
