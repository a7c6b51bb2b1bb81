import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatInstant } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import { queryString } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import type { StaffBatch as Batch } from "@/lib/publicity/batches";
import type { EntryPage, StaffEntry } from "@/lib/publicity/entries";
import { BatchSearch, PageJump } from "./batch-search";
import { ObjectionOutcomeForm, StartInvestigationButton } from "./objection-actions";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * One batch for the officers: its entries 50 a page (searchable by application number), each with
 * its objections and the investigation forms, and the entries that have objections listed first.
 */
export async function StaffBatch({
  batch,
  entries,
  canDecide,
  published,
  savedObjectionId,
}: {
  batch: Batch;
  entries: EntryPage<StaffEntry>;
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
      <Card title={t("staff.objectionEntriesTitle")} className="mb-6">
        {batch.objectionEntries.length === 0 ? (
          <p className="text-slate-700">{t("staff.objectionEntriesEmpty")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {batch.objectionEntries.map((o) => (
              <li key={o.applicationNo}>
                <Link
                  href={`/staff/publicity/${batch.id}${queryString({ q: o.applicationNo })}`}
                  className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm hover:bg-slate-50"
                >
                  <span className="font-mono">{o.applicationNo}</span>
                  <span>{o.displayName}</span>
                  {o.openObjections > 0 ? <Badge tone="danger">{t("staff.openCount", { count: o.openObjections })}</Badge> : <Badge tone="neutral">{t("staff.closedCount")}</Badge>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("staff.entriesTitle")}>
        <BatchSearch action={`/staff/publicity/${batch.id}`} q={entries.q} />
        <p className="mb-3 text-sm text-slate-700" aria-live="polite">
          {entries.q
            ? t("public.matches", { q: entries.q, count: entries.total })
            : entries.total > 0
              ? t("public.showing", { from: (entries.page - 1) * 50 + 1, to: (entries.page - 1) * 50 + entries.items.length, total: entries.total })
              : null}
        </p>
        {entries.items.length === 0 && entries.q ? (
          <EmptyState title={t("public.noMatch", { q: entries.q })} body={t("public.noMatchBody")} />
        ) : null}
        <ul className="flex flex-col gap-4">
          {entries.items.map((e) => (
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
        <Pagination
          page={entries.page}
          pageCount={entries.pageCount}
          hrefFor={(p) => `/staff/publicity/${batch.id}${queryString({ q: entries.q, page: p > 1 ? p : undefined })}`}
        />
        {entries.pageCount > 2 ? <PageJump action={`/staff/publicity/${batch.id}`} q={entries.q} pageCount={entries.pageCount} /> : null}
      </Card>
    </Container>
  );
}
