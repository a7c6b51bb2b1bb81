import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditDetail } from "@/components/audits/audit-detail";
import { getAudit, verifySample } from "@/lib/audits/audit-service";
import { requirePermission } from "@/lib/auth/session";
import { fromDateColumn } from "@/lib/clock";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audits");
  return { title: t("detail.metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function AuditPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  const user = await requirePermission(["review:sample", "rectification:read"], undefined, { returnTo: `/staff/audits/${id}` });
  const notFoundOnMissing = (error: unknown): never => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  };
  const audit = await getAudit(user, id).catch(notFoundOnMissing);
  const verification = await verifySample(user, id).catch(notFoundOnMissing);
  // The rectification's due date is read from the audit, not from the query string.
  const shown =
    audit.status === "COMPLETED" && (done === "completed" || done === "rectification")
      ? { dueDate: done === "rectification" && audit.rectifications[0] ? fromDateColumn(audit.rectifications[0].dueDate) : null }
      : undefined;
  return <AuditDetail audit={audit} verification={verification} done={shown} />;
}
