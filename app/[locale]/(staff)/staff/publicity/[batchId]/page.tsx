import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffBatch } from "@/components/publicity/staff-batch";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { pageParam } from "@/lib/http/public-routes";
import { getStaffBatch } from "@/lib/publicity/batches";
import { listStaffBatchEntries } from "@/lib/publicity/entries";
import { firstParam } from "@/lib/review/schemas";

type Props = { params: Promise<{ batchId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicity.staff");
  return { title: t("title") };
}

export default async function StaffBatchPage({ params, searchParams }: Props) {
  const { batchId } = await params;
  const user = await requirePermission("publicity:manage", undefined, { returnTo: `/staff/publicity/${batchId}` });
  if (batchId.length > 64) notFound();
  const query = await searchParams;
  const refuse = (error: unknown): never => {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  };
  const batch = await getStaffBatch(user, batchId).catch(refuse);
  if (!batch) notFound();
  const entries = await listStaffBatchEntries(user, batchId, { page: pageParam(firstParam(query.page) ?? null), q: firstParam(query.q) }).catch(refuse);
  if (!entries) notFound();
  return (
    <StaffBatch
      batch={batch}
      entries={entries}
      canDecide={can(user, "objection:decide", { districtCode: batch.districtCode })}
      published={firstParam(query.published) === "1"}
      savedObjectionId={firstParam(query.saved)}
    />
  );
}
