import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { formatInstant } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import type { StaffBatch as Batch } from "@/lib/publicity/batches";
import { ObjectionOutcomeForm, StartInvestigationButton } from "./objection-actions";
import { ClientMessages } from "@/components/i18n/client-messages";

/** One batch for the officers: every entry with its objections and the investigation forms. */
export async function StaffBatch({
  batch,
  canDecide,
  published,
  savedObjectionId,
}: {
  batch: Batch;
  canDecide: boolean;
  published: boolean;
  /** The objection whose outcome was just recorded. */
  savedObjectionId?: string;
}) {
  const t = await getTranslations("publicity");
  const tl = loose(t);
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  return (
    <Container>
      <p className="mb-3">
        <Link href="/staff/publicity" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("staff.back")}
        </Link>
      </p>
      <PageHeader
        title={batch.title}
        description={
          <div className="flex flex-col gap-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={batch.status === "CLOSED" ? "neutral" : batch.isOpen ? "success" : "warning"}>
                {batch.status === "PUBLISHED" && !batch.isOpen ? t("periodEnded") : tl(`status.${batch.status}`)}
              </Badge>
              <span>{t("staff.batchInfo", { district: locale === "en" ? batch.districtNameEn : batch.districtName, published: batch.publishedOn, start: batch.firstDay, end: batch.endDate })}</span>
            </p>
            {batch.publishedAt ? <p>{t("staff.publishedBy", { name: batch.publishedByName ?? "—", at: formatInstant(batch.publishedAt, locale) })}</p> : null}
            {batch.closedAt ? <p>{t("staff.closedAt", { at: formatInstant(batch.closedAt, locale) })}</p> : null}
          </div>
        }
        actions={
          <Link href={`/publicity/${batch.id}`} className={buttonClasses("secondary")}>
            {t("staff.viewPublic")}
          </Link>
        }
      />
      {published ? (
        <Alert tone="success" className="mb-6">
          {t("staff.published", { start: batch.firstDay, end: batch.endDate, count: batch.entryCount })}
        </Alert>
      ) : null}
      <p className="mb-4 text-sm text-slate-600">{t("staff.waitingNote")}</p>
      <Card title={t("staff.entriesTitle")}>
        <ul className="flex flex-col gap-4">
          {batch.entries.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 p-4" data-entry={e.applicationNo}>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/staff/review/${encodeURIComponent(e.applicationNo)}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                  {e.applicationNo}
                </Link>
                <span>{e.displayName}</span>
                <span className="font-mono text-sm text-slate-600">{e.maskedResidentId}</span>
                <span className="text-sm text-slate-600">{review("queue.household", { count: e.householdSize })}</span>
                <Badge tone={e.outcome === "QUALIFIED" ? "success" : e.outcome === "OBJECTION_UPHELD" ? "danger" : "info"}>
                  {e.outcome ? tl(`staff.entryOutcome.${e.outcome}`) : review(`status.${e.applicationStatus}`)}
                </Badge>
              </div>
              {e.objections.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("staff.noEntryObjections")}</p>
              ) : (
                <ul className="mt-3 flex flex-col gap-3">
                  {e.objections.map((o) => (
                    <li key={o.id} id={`objection-${o.id}`} className="rounded-md bg-slate-50 p-3">
                      {savedObjectionId === o.id ? (
                        <Alert tone="success" className="mb-2">
                          {t("staff.outcomeSaved")}
                        </Alert>
                      ) : null}
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <Badge tone={o.status === "CLOSED" ? (o.outcome === "UPHELD" ? "danger" : "success") : "warning"}>
                          {o.status === "CLOSED" && o.outcome ? tl(`staff.objectionOutcome.${o.outcome}`) : tl(`staff.objectionStatus.${o.status}`)}
                        </Badge>
                        {o.referenceNo ? <span className="whitespace-nowrap font-mono">{t("staff.reference", { referenceNo: o.referenceNo })}</span> : null}
                        <span>{t("staff.contact", { name: o.contactName, phone: o.contactPhone })}</span>
                        <span className="text-slate-600">{t("staff.receivedAt", { at: formatInstant(o.receivedAt, locale) })}</span>
                      </p>
                      <p className="mt-2 whitespace-pre-line text-slate-900">{o.content}</p>
                      {o.status === "CLOSED" ? (
                        <div className="mt-2 text-sm text-slate-700">
                          {o.outcomeNote ? <p>{t("staff.findings", { text: o.outcomeNote })}</p> : null}
                          {o.decidedAt ? <p>{t("staff.decidedBy", { name: o.investigatorName ?? "—", at: formatInstant(o.decidedAt, locale) })}</p> : null}
                        </div>
                      ) : canDecide ? (
                        <div className="mt-3 flex flex-col gap-4">
                          {o.status === "RECEIVED" ? (
                            <ClientMessages namespaces={["publicity.staff", "publicity.validation"]}><StartInvestigationButton objectionId={o.id} /></ClientMessages>
                          ) : (
                            <p className="text-sm text-slate-700">{t("staff.investigator", { name: o.investigatorName ?? "—" })}</p>
                          )}
                          <div className="rounded-md border border-slate-200 bg-white p-3">
                            <h3 className="mb-3 font-semibold text-slate-900">{t("staff.outcomeTitle")}</h3>
                            <ClientMessages namespaces={["publicity.staff", "publicity.validation"]}><ObjectionOutcomeForm objectionId={o.id} /></ClientMessages>
                          </div>
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </Container>
  );
}
