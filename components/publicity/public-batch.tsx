import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import type { PublicBatch as Batch } from "@/lib/publicity/batches";

/**
 * One publicity list as the public sees it: masked names and ID numbers as published, household
 * size, district, estate level and unit type, and a way to object during the period. No incomes.
 */
export async function PublicBatch({ batch, today }: { batch: Batch; today: string }) {
  const t = await getTranslations("publicity");
  const review = loose(await getTranslations("review"));
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
        {batch.entries.length === 0 ? (
          <EmptyState title={t("public.noEntries")} />
        ) : (
          <div className="relative -mx-2 overflow-x-auto px-2">
            <table className="w-full min-w-[42rem] border-collapse text-left text-sm">
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
                {batch.entries.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3 font-mono">{e.applicationNo}</td>
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{e.displayName}</th>
                    <td className="py-2 pr-3 font-mono">{e.maskedResidentId}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{e.householdSize}</td>
                    <td className="py-2 pr-3">{district}</td>
                    <td className="py-2 pr-3">{review(`estateLevel.${e.estateLevel}`)}</td>
                    <td className="py-2 pr-3">{e.unitType ? review(`unitType.${e.unitType}`) : "—"}</td>
                    {batch.isOpen ? (
                      <td className="py-2">
                        {e.acceptsObjections ? (
                          <Link
                            href={`/publicity/${batch.id}/objection/${e.id}`}
                            className={buttonClasses("ghost", "min-h-9 px-2 py-1 text-sm")}
                            aria-label={t("public.objectLabel", { name: e.displayName, applicationNo: e.applicationNo })}
                          >
                            {t("public.object")}
                          </Link>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </Container>
  );
}
