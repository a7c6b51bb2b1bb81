import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { Facts } from "@/components/ui/facts";
import { queryString } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatIsoDate } from "@/lib/applications/format";
import type { BankCollectionLineStatus } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/format";
import type { CollectionFileView, CollectionLineView } from "@/lib/tenancy/bank-collections";
import { COLLECTION_BANKS, COLLECTION_LINE_STATUSES, COLLECTION_RESOLUTIONS } from "@/lib/tenancy/schemas";
import { ResolveLine, UploadCollection } from "./collection-forms";

// Bank collection files (Art. 28-29): the officers' upload and list, and a file's lines with the
// resolution of each unmatched one. Payer names arrive masked; codes are shown by their words.

const STATUS_TONE: Record<BankCollectionLineStatus, BadgeTone> = { MATCHED: "success", UNMATCHED: "danger", DUPLICATE: "neutral", RESOLVED: "info" };

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

/** The bank's name by its code (a code the portal does not know stays as given). */
async function bankNamer(): Promise<(code: string) => string> {
  const banks = await getTranslations("collections.banks");
  return (code) => ((COLLECTION_BANKS as readonly string[]).includes(code) ? banks(code as (typeof COLLECTION_BANKS)[number]) : code);
}

type FileList = { rows: CollectionFileView[]; total: number; page: number; pageCount: number };

/** The upload form and the files imported in the officer's reach. */
export async function CollectionsPage({ list, query, today }: { list: FileList; query: { q?: string }; today: string }) {
  const t = await getTranslations("collections");
  const banks = await getTranslations("collections.banks");
  const bankLabel = await bankNamer();
  const format = await getFormatter();
  const l = await lang();
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      <Card title={t("upload.title")} className="mb-6">
        <ClientMessages namespaces={["collections.upload", "collections.validation"]}>
          <UploadCollection today={today} banks={COLLECTION_BANKS.map((b) => ({ value: b, label: banks(b) }))} />
        </ClientMessages>
      </Card>
      <Card title={t("list.title")}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-0 flex-col text-sm">
            <span className="text-slate-700">{t("list.search")}</span>
            <input name="q" defaultValue={query.q ?? ""} placeholder={t("list.searchHint")} className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("list.filter")}</button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={query.q ? t("list.noMatch") : t("list.empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="collection-files">
            {list.rows.map((f) => (
              <li key={f.id} className="min-w-0 py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/staff/collections/${f.id}`} className="break-all font-medium text-brand-700 underline">{f.fileName}</Link>
                  <span className="text-sm text-slate-700">{bankLabel(f.bankCode)}</span>
                  {f.unmatchedCount > 0 ? <Badge tone="danger">{t("lineStatus.UNMATCHED")} {f.unmatchedCount}</Badge> : null}
                </p>
                <p className="text-sm text-slate-700">
                  {t("list.summary", { lines: f.lineCount, matched: f.matchedCount, unmatched: f.unmatchedCount })} · {t("list.by", { date: formatIsoDate(f.collectionDate, l), name: f.uploadedBy, at: format.dateTime(f.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-600">{t("list.count", { total: list.total })}</p>
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/collections${queryString({ q: query.q, page: p })}`} />
      </Card>
    </Container>
  );
}

type FileDetail = {
  file: CollectionFileView;
  lines: { rows: CollectionLineView[]; total: number; page: number; pageCount: number };
  byStatus: Record<BankCollectionLineStatus, number>;
  canResolve: boolean;
};

/** One file: its facts, the totals, and its lines by status with a resolve form per unmatched line. */
export async function CollectionFilePage({ detail, status, notice }: { detail: FileDetail; status?: BankCollectionLineStatus; notice: "imported" | "already" | null }) {
  const t = await getTranslations("collections");
  const resolutions = await getTranslations("collections.resolution");
  const bankLabel = await bankNamer();
  // A malformed line's problem is stored as its message key (collections.problems.*).
  const byKey = t as unknown as { (key: string): string; has(key: string): boolean };
  const problemText = (key: string) => {
    const local = key.replace(/^collections\./, "");
    return byKey.has(local) ? byKey(local) : t("reason.MALFORMED");
  };
  const format = await getFormatter();
  const locale = await getLocale();
  const l = await lang();
  const { file, lines, byStatus } = detail;
  const district = file.district ? (l === "en" ? file.district.nameEn : file.district.name) : t("list.city");
  const href = (s: string | undefined, page?: number) => `/staff/collections/${file.id}${queryString({ status: s, page })}`;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/collections" className="text-brand-700 underline-offset-2 hover:underline">← {t("detail.back")}</Link>
      </p>
      <PageHeader title={<span className="break-all">{file.fileName}</span>} description={<p>{bankLabel(file.bankCode)} · {formatIsoDate(file.collectionDate, l)}</p>} />
      {notice ? (
        <Alert tone={notice === "imported" ? "success" : "info"} className="mb-6">
          {notice === "imported" ? t("detail.imported", { matched: file.matchedCount, unmatched: file.unmatchedCount }) : t("detail.already")}
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_1fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("detail.totals")}>
            <dl className="grid min-w-0 grid-cols-2 gap-3 sm:grid-cols-4" data-testid="collection-totals">
              {COLLECTION_LINE_STATUSES.map((s) => (
                <div key={s} className="min-w-0 rounded-lg border border-slate-200 p-3" data-testid={`total-${s}`} data-count={byStatus[s]}>
                  <dt className="text-sm text-slate-700">{t(`lineStatus.${s}`)}</dt>
                  <dd className="text-2xl font-semibold tabular-nums text-slate-900">{byStatus[s]}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-sm text-slate-800">
              {t("detail.matchedFen")}：<span className="tabular-nums" data-testid="matched-fen">{formatFen(file.matchedFen, locale)}</span> · {t("detail.unmatchedFen")}：<span className="tabular-nums">{formatFen(file.unmatchedFen, locale)}</span>
            </p>
          </Card>
          <Card title={t("detail.lines")}>
            <nav aria-label={t("detail.filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
              {[undefined, ...COLLECTION_LINE_STATUSES].map((s) => (
                <Link
                  key={s ?? "all"}
                  href={href(s)}
                  aria-current={s === status ? "page" : undefined}
                  className={`rounded-full border px-3 py-1 ${s === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 text-slate-800"}`}
                >
                  {s ? `${t(`lineStatus.${s}`)} ${byStatus[s]}` : `${t("detail.allStatuses")} ${file.lineCount}`}
                </Link>
              ))}
            </nav>
            {lines.rows.length === 0 ? (
              <EmptyState title={t("detail.empty")} />
            ) : (
              <ul className="flex flex-col divide-y divide-slate-200" data-testid="collection-lines">
                {lines.rows.map((line) => (
                  <li key={line.id} className="min-w-0 py-3" data-testid="collection-line" data-status={line.status} data-line={line.lineNo}>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{t("detail.row", { row: line.lineNo })}</span>
                      <Badge tone={STATUS_TONE[line.status]}>{t(`lineStatus.${line.status}`)}</Badge>
                      {line.reason ? <span className="text-sm text-red-800" data-testid="line-reason">{t(`reason.${line.reason}`)}</span> : null}
                    </div>
                    <dl className="mt-1 grid min-w-0 grid-cols-1 gap-x-4 text-sm text-slate-800 sm:grid-cols-2">
                      <div className="min-w-0 break-all"><dt className="inline text-slate-600">{t("detail.serialNo")}：</dt><dd className="inline">{line.serialNo ?? "—"}</dd></div>
                      <div className="min-w-0 break-all"><dt className="inline text-slate-600">{t("detail.leaseRef")}：</dt><dd className="inline">{line.leaseRef ?? "—"}</dd></div>
                      <div className="min-w-0"><dt className="inline text-slate-600">{t("detail.payer")}：</dt><dd className="inline">{line.payerNameMasked ?? "—"}</dd></div>
                      <div className="min-w-0"><dt className="inline text-slate-600">{t("detail.amount")}：</dt><dd className="inline tabular-nums">{line.amountFen !== null ? formatFen(line.amountFen, locale) : "—"}</dd></div>
                      <div className="min-w-0"><dt className="inline text-slate-600">{t("detail.paidOn")}：</dt><dd className="inline">{line.paidOn ? formatIsoDate(line.paidOn, l) : "—"}</dd></div>
                      {line.receiptNo ? (
                        <div className="min-w-0"><dt className="inline text-slate-600">{t("detail.result")}：</dt><dd className="inline">{line.leaseNo ? <Link href={`/staff/leases/${line.leaseNo}`} className="text-brand-700 underline">{line.leaseNo}</Link> : null} {t("detail.receipt", { receiptNo: line.receiptNo })}</dd></div>
                      ) : null}
                    </dl>
                    {line.problemKey ? <p className="mt-1 text-sm text-red-800" data-testid="line-problem">{line.problemColumn}：{problemText(line.problemKey)}</p> : null}
                    {line.resolution && line.resolvedAt ? (
                      <p className="mt-1 text-sm text-slate-700">{t("detail.resolvedBy", { name: line.resolvedBy ?? "—", at: format.dateTime(line.resolvedAt, { dateStyle: "medium", timeStyle: "short" }), resolution: resolutions(line.resolution), note: line.resolutionNote ?? "" })}</p>
                    ) : null}
                    {line.status === "UNMATCHED" && detail.canResolve ? (
                      <details className="mt-2 min-w-0 rounded-lg border border-slate-200 p-3">
                        <summary className="cursor-pointer font-medium text-brand-700">{t("resolve.title")}</summary>
                        <div className="mt-3">
                          <ClientMessages namespaces={["collections.resolve", "collections.validation"]}>
                            <ResolveLine
                              lineId={line.id}
                              lineNo={line.lineNo}
                              canMatch={line.serialNo !== null && line.amountFen !== null && line.paidOn !== null}
                              resolutions={COLLECTION_RESOLUTIONS.map((r) => ({ value: r, label: resolutions(r) }))}
                            />
                          </ClientMessages>
                        </div>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <Pagination page={lines.page} pageCount={lines.pageCount} hrefFor={(p) => href(status, p)} />
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("detail.facts")}>
            <Facts
              items={[
                { label: t("detail.bank"), value: bankLabel(file.bankCode) },
                { label: t("detail.collectionDate"), value: formatIsoDate(file.collectionDate, l) },
                { label: t("detail.district"), value: district },
                { label: t("detail.uploadedBy"), value: file.uploadedBy },
                { label: t("detail.uploadedAt"), value: format.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
                { label: t("detail.sha256"), value: <span className="break-all font-mono text-xs">{file.sha256}</span> },
              ]}
            />
          </Card>
        </div>
      </div>
    </Container>
  );
}
