import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { queryString } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import type { BatchSummary as Batch } from "@/lib/publicity/batches";
import type { EntryPage, PublicEntry } from "@/lib/publicity/entries";
import { ClientMessages } from "@/components/i18n/client-messages";
import { BatchSearch, PageJump } from "./batch-search";
import { EntryTable, type EntryRow } from "./entry-table";

const ENTRY_TABLE_MESSAGES = [
  ...["applicationNo", "name", "residentId", "householdSize", "level", "unitType", "object", "objectLabel"].map((k) => `publicity.public.${k}`),
  "review.estateLevel",
  "review.unitType",
];

/**
 * One publicity list as the public sees it, 50 households a page (a batch can list 10,000): masked
 * names and ID numbers as published, household size, district, estate level and unit type, and a
 * way to object during the period. No incomes. Searchable by application number.
 */
export async function PublicBatch({ batch, entries, today }: { batch: Batch; entries: EntryPage<PublicEntry>; today: string }) {
  const t = await getTranslations("publicity");
  const locale = await getLocale();
  const district = locale === "en" ? batch.districtNameEn : batch.districtName;
  return (
    <Container>
      <p className="mb-3">
        <Link href="/publicity" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("public.back")}
        </Link>
      </p>
      <PageHeader
        title={batch.title}
        description={
          <div className="flex flex-col gap-2">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={batch.isOpen ? "success" : "neutral"}>{batch.isOpen ? t("status.PUBLISHED") : t("periodEnded")}</Badge>
              <span>{district}</span>
              <span>· {t("public.period", { start: batch.firstDay, end: batch.endDate })}</span>
            </p>
            <p>{t("public.batchDescription", { published: batch.publishedOn, start: batch.firstDay, end: batch.endDate })}</p>
          </div>
        }
      />
      {!batch.isOpen ? (
        <Alert tone="info" className="mb-6">
          {today < batch.publishedOn ? t("public.notStarted") : t("public.endedNotice", { end: batch.endDate })}
        </Alert>
      ) : null}
      <Card title={t("public.listTitle")}>
        <BatchSearch action={`/publicity/${batch.id}`} q={entries.q} />
        <p className="mb-1 text-sm text-slate-700">{t("public.listDistrict", { district })}</p>
        <p className="mb-3 text-sm text-slate-700" aria-live="polite">
          {entries.q
            ? t("public.matches", { q: entries.q, count: entries.total })
            : entries.total > 0
              ? t("public.showing", { from: (entries.page - 1) * 50 + 1, to: (entries.page - 1) * 50 + entries.items.length, total: entries.total })
              : null}
        </p>
        {entries.items.length === 0 ? (
          entries.q ? (
            <EmptyState
              title={t("public.noMatch", { q: entries.q })}
              body={t("public.noMatchBody")}
              action={
                <Link href={`/publicity/${batch.id}`} className={buttonClasses("secondary")}>
                  {t("public.showAll")}
                </Link>
              }
            />
          ) : (
            <EmptyState title={t("public.noEntries")} />
          )
        ) : (
          <>
            <ClientMessages base={false} namespaces={ENTRY_TABLE_MESSAGES}>
              <EntryTable
                batchId={batch.id}
                withObjections={batch.isOpen}
                rows={entries.items.map((e): EntryRow => [e.id, e.applicationNo, e.displayName, e.maskedResidentId, e.householdSize, e.estateLevel, e.unitType ?? "", e.acceptsObjections ? 1 : 0])}
              />
            </ClientMessages>
          </>
        )}
        <Pagination page={entries.page} pageCount={entries.pageCount} hrefFor={(p) => `/publicity/${batch.id}${queryString({ q: entries.q, page: p > 1 ? p : undefined })}`} />
        {entries.pageCount > 2 ? <PageJump action={`/publicity/${batch.id}`} q={entries.q} pageCount={entries.pageCount} /> : null}
      </Card>
    </Container>
  );
}
