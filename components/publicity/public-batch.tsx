import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import { queryString } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import type { BatchSummary as Batch } from "@/lib/publicity/batches";
import type { EntryPage, PublicEntry as Entry } from "@/lib/publicity/entries";
import { BatchSearch, PageJump } from "./batch-search";

/** The way to object to one entry (Art. 19), named after the entry for screen readers. */
async function ObjectionLink({ batchId, entry, variant, className }: { batchId: string; entry: Entry; variant: "secondary" | "ghost"; className?: string }) {
  const t = await getTranslations("publicity.public");
  return (
    <Link
      href={`/publicity/${batchId}/objection/${entry.id}`}
      className={buttonClasses(variant, cn("whitespace-nowrap", className))}
      aria-label={t("objectLabel", { name: entry.displayName, applicationNo: entry.applicationNo })}
    >
      {t("object")}
    </Link>
  );
}

/**
 * One publicity list as the public sees it, 50 households a page (a batch can list 10,000): masked
 * names and ID numbers as published, household size, district, estate level and unit type, and a
 * way to object during the period. No incomes. Searchable by application number.
 */
export async function PublicBatch({ batch, entries, today }: { batch: Batch; entries: EntryPage<Entry>; today: string }) {
  const t = await getTranslations("publicity");
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  const district = locale === "en" ? batch.districtNameEn : batch.districtName;
  const level = (e: Entry) => review(`estateLevel.${e.estateLevel}`);
  const unitType = (e: Entry) => (e.unitType ? review(`unitType.${e.unitType}`) : "—");
  const facts = (e: Entry): Array<[string, string]> => [
    [t("public.residentId"), e.maskedResidentId],
    [t("public.householdSize"), String(e.householdSize)],
    [t("public.district"), district],
    [t("public.level"), level(e)],
    [t("public.unitType"), unitType(e)],
  ];
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
            {/* Phones: one card per entry, its objection link in reach (no sideways scrolling). */}
            <ul className="flex flex-col gap-3 md:hidden" aria-label={t("public.listTitle")}>
              {entries.items.map((e) => (
                <li key={e.id} className="rounded-md border border-slate-200 p-3" data-entry={e.applicationNo}>
                  <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                    <span className="whitespace-nowrap text-lg font-semibold text-slate-900">{e.displayName}</span>
                    <span className="font-mono text-sm text-slate-700">{e.applicationNo}</span>
                  </p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    {facts(e).map(([label, value]) => (
                      <div key={label} className="contents">
                        <dt className="text-slate-600">{label}</dt>
                        <dd className="min-w-0 break-words text-slate-900">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  {batch.isOpen && e.acceptsObjections ? <ObjectionLink batchId={batch.id} entry={e} variant="secondary" className="mt-3 w-full" /> : null}
                </li>
              ))}
            </ul>
            {/* Wide screens: the table. */}
            <table className="hidden w-full border-collapse text-left text-sm md:table">
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.applicationNo")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.name")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.residentId")}</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">{t("public.householdSize")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.district")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.level")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("public.unitType")}</th>
                  {batch.isOpen ? <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("public.object")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {entries.items.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3 font-mono">{e.applicationNo}</td>
                    <th scope="row" className="whitespace-nowrap py-2 pr-3 font-medium text-slate-900">{e.displayName}</th>
                    <td className="py-2 pr-3 font-mono">{e.maskedResidentId}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{e.householdSize}</td>
                    <td className="py-2 pr-3">{district}</td>
                    <td className="py-2 pr-3">{level(e)}</td>
                    <td className="py-2 pr-3">{unitType(e)}</td>
                    {batch.isOpen ? (
                      <td className="py-2">{e.acceptsObjections ? <ObjectionLink batchId={batch.id} entry={e} variant="ghost" className="min-h-9 px-2 py-1 text-sm" /> : null}</td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <Pagination page={entries.page} pageCount={entries.pageCount} hrefFor={(p) => `/publicity/${batch.id}${queryString({ q: entries.q, page: p > 1 ? p : undefined })}`} />
        {entries.pageCount > 2 ? <PageJump action={`/publicity/${batch.id}`} q={entries.q} pageCount={entries.pageCount} /> : null}
      </Card>
    </Container>
  );
}
