import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ObjectionForm } from "@/components/publicity/objection-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { getPublicBatch } from "@/lib/publicity/batches";
import { getPublicEntry } from "@/lib/publicity/entries";
import { ClientMessages } from "@/components/i18n/client-messages";

// Per request: the form checks the period and the entry as they are now.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ batchId: string; entryId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicity.objection");
  return { title: t("title") };
}

/** Public: an objection to one listed applicant, during the period only (checked again on submit). */
export default async function ObjectionPage({ params }: Props) {
  const { batchId, entryId } = await params;
  if (batchId.length > 64 || entryId.length > 64) notFound();
  const batch = await getPublicBatch(batchId);
  const entry = batch ? await getPublicEntry(batchId, entryId) : null;
  if (!batch || !entry) notFound();
  const t = await getTranslations("publicity");
  const locale = await getLocale();
  return (
    <Container narrow className="max-w-2xl">
      <p className="mb-3">
        <Link href={`/publicity/${batch.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("public.backToBatch")}
        </Link>
      </p>
      <PageHeader
        title={t("objection.title")}
        description={
          <p>
            {t("objection.about", {
              name: entry.displayName,
              applicationNo: entry.applicationNo,
              district: locale === "en" ? batch.districtNameEn : batch.districtName,
            })}
            <br />
            <span className="text-sm text-slate-600">{t("public.period", { start: batch.firstDay, end: batch.endDate })}</span>
          </p>
        }
      />
      {entry.acceptsObjections ? (
        <Card>
          <p className="mb-5 text-slate-700">{t("objection.intro")}</p>
          <ClientMessages namespaces={["publicity.objection", "publicity.validation"]}><ObjectionForm entryId={entry.id} /></ClientMessages>
        </Card>
      ) : (
        <Alert tone="info">{batch.isOpen ? t("objection.closed") : t("public.endedNotice", { end: batch.endDate })}</Alert>
      )}
    </Container>
  );
}
