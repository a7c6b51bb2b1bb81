import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatInstant, formatInstantDate, queryString } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import type { BatchPage, PublishablePage } from "@/lib/publicity/batches";
import { MAX_BATCH_SIZE } from "@/lib/publicity/schemas";
import type { OpenObjection } from "@/lib/publicity/objections";
import { PublishAllForm, PublishForm } from "./publish-form";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The officers' publicity page: publish a batch, open objections, past batches (Art. 19). */
export async function StaffPublicity({
  publishable,
  publishDistrict,
  districts,
  period,
  objections,
  batches,
  districtFilter,
}: {
  publishable: PublishablePage;
  /** The district a batch would be published for; null when a municipal officer has not chosen one. */
  publishDistrict: string | null;
  /** Municipal officers: districts to choose from; null for district officers. */
  districts: Array<{ code: string; name: string; nameEn: string }> | null;
  period: { start: string; end: string };
  objections: OpenObjection[];
  batches: BatchPage;
  districtFilter?: string;
}) {
  const t = await getTranslations("publicity");
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  const rows = publishable.items.map((a) => ({
    id: a.id,
    applicationNo: a.applicationNo,
    applicantName: a.applicantName,
    maskedResidentId: a.maskedResidentId,
    householdSize: review("queue.household", { count: a.householdSize }),
    detail: [
      review(`estateLevel.${a.estateLevel}`),
      a.preferredUnitType ? review(`unitType.${a.preferredUnitType}`) : null,
      districts ? a.districtName : null,
      a.secondReviewAt ? t("staff.secondReviewAt", { date: formatInstantDate(a.secondReviewAt) }) : null,
    ]
      .filter(Boolean)
      .join(" · "),
  }));
  return (
    <Container>
      <PageHeader
        title={t("staff.title")}
        description={<p>{t("staff.description")}</p>}
        actions={
          <Link href="/publicity" className={buttonClasses("secondary")}>
            {t("staff.viewPublic")}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title={t("staff.publishTitle")}>
          {districts ? (
            <form method="get" action="/staff/publicity" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
              <div className="sm:w-64">
                <SelectField
                  name="district"
                  label={t("staff.district")}
                  placeholder={t("public.allDistricts")}
                  options={districts.map((d) => ({ value: d.code, label: locale === "en" ? d.nameEn : d.name }))}
                  defaultValue={districtFilter ?? ""}
                />
              </div>
              <button type="submit" className={buttonClasses("secondary")}>
                {t("staff.showDistrict")}
              </button>
            </form>
          ) : null}
          {rows.length === 0 ? (
            <EmptyState title={t("staff.nothingToPublish")} body={t("staff.nothingToPublishBody")} />
          ) : (
            <>
              <p className="mb-4 font-medium text-slate-900">{t("staff.awaiting", { count: publishable.total, at: formatInstant(publishable.asOf, locale) })}</p>
              {publishDistrict ? (
                <>
                  <section aria-labelledby="publish-all" className="mb-6 rounded-md border border-slate-200 p-4">
                    <h3 id="publish-all" className="mb-2 font-semibold text-slate-900">{t("staff.publishAllTitle")}</h3>
                    <p className="mb-2 text-slate-700">
                      {t("staff.publishAllBody", { count: Math.min(publishable.total, MAX_BATCH_SIZE), at: formatInstant(publishable.asOf, locale), start: period.start, end: period.end })}
                    </p>
                    {publishable.total > MAX_BATCH_SIZE ? (
                      <Alert tone="info" className="mb-3">
                        {t("staff.publishAllCapped", { max: MAX_BATCH_SIZE })}
                      </Alert>
                    ) : null}
                    <ClientMessages namespaces={["publicity.staff", "publicity.validation"]}>
                      <PublishAllForm districtCode={publishDistrict} count={Math.min(publishable.total, MAX_BATCH_SIZE)} asOf={publishable.asOf.toISOString()} />
                    </ClientMessages>
                  </section>
                  <h3 className="mb-1 font-semibold text-slate-900">{t("staff.selectTitle")}</h3>
                  <p className="mb-4 text-slate-700">
                    {t("staff.selectBody", { count: rows.length })} {t("staff.publishBody", { start: period.start, end: period.end })}
                  </p>
                  <ClientMessages namespaces={["publicity.staff", "publicity.validation"]}><PublishForm districtCode={publishDistrict} rows={rows} /></ClientMessages>
                </>
              ) : (
                <>
                  <Alert tone="info" className="mb-4">
                    {t("staff.chooseDistrict")}
                  </Alert>
                  <ul className="flex flex-col divide-y divide-slate-100">
                    {rows.map((r) => (
                      <li key={r.id} className="py-2">
                        <span className="font-medium">{r.applicationNo}</span> {r.applicantName}{" "}
                        <span className="font-mono text-sm text-slate-600">{r.maskedResidentId}</span>
                        <span className="block text-sm text-slate-600">{r.detail}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Pagination page={publishable.page} pageCount={publishable.pageCount} hrefFor={(p) => `/staff/publicity${queryString({ district: districtFilter, page: p })}`} />
            </>
          )}
        </Card>

        <Card title={t("staff.objectionsTitle")}>
          {objections.length === 0 ? (
            <p className="text-slate-700">{t("staff.noObjections")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100">
              {objections.map((o) => (
                <li key={o.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <span>
                    {o.referenceNo ? <span className="mr-2 whitespace-nowrap font-mono text-sm">{o.referenceNo}</span> : null}
                    {t("staff.objectionLine", { applicationNo: o.applicationNo, name: o.displayName, at: formatInstant(o.receivedAt, locale) })}{" "}
                    <Badge tone={o.status === "RECEIVED" ? "danger" : "warning"}>{loose(t)(`staff.objectionStatus.${o.status}`)}</Badge>
                  </span>
                  <Link href={`/staff/publicity/${o.batchId}${queryString({ q: o.applicationNo })}#objection-${o.id}`} className="shrink-0 text-brand-700 underline underline-offset-2">
                    {t("staff.view")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("staff.batchesTitle")}>
          {batches.items.length === 0 ? (
            <p className="text-slate-700">{t("staff.noBatches")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {batches.items.map((b) => (
                <li key={b.id} className="rounded-md border border-slate-200 p-3">
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/staff/publicity/${b.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                        {b.title}
                      </Link>
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                        <Badge tone={b.status === "CLOSED" ? "neutral" : b.isOpen ? "success" : "warning"}>
                          {b.status === "PUBLISHED" && !b.isOpen ? t("periodEnded") : loose(t)(`status.${b.status}`)}
                        </Badge>
                        <span>{t("public.period", { start: b.firstDay, end: b.endDate })}</span>
                        <span>· {t("public.entryCount", { count: b.entryCount })}</span>
                        {b.openObjections > 0 ? <Badge tone="danger">{t("staff.openObjections", { count: b.openObjections })}</Badge> : null}
                      </p>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={batches.page} pageCount={batches.pageCount} hrefFor={(p) => `/staff/publicity${queryString({ district: districtFilter, batches: p })}`} />
        </Card>
      </div>
    </Container>
  );
}
