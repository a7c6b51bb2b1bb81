import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatIsoDate } from "@/lib/applications/format";
import type { PublicRentStandard } from "@/lib/tenancy/rent-standards";
import { RentTierTable } from "./rent-standard-tiers";

/** The rent standards in force and those announced to come, by estate and unit type (Art. 27). */
export async function PublicRentStandards({ standards }: { standards: PublicRentStandard[] }) {
  const t = await getTranslations("rentStandards");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const l = (await getLocale()) === "en" ? "en" : "zh-CN";
  const estates = [...new Map(standards.map((s) => [s.estateCode, s.estateName])).entries()];
  return (
    <Container>
      <PageHeader title={t("public.title")} description={<p>{t("public.intro")}</p>} />
      {standards.length === 0 ? (
        <EmptyState title={t("public.empty")} />
      ) : (
        <div className="flex flex-col gap-8" data-testid="public-rent-standards">
          {estates.map(([code, name]) => (
            <section key={code} aria-labelledby={`estate-${code}`} className="flex flex-col gap-4">
              <h2 id={`estate-${code}`} className="text-lg font-semibold text-slate-900">
                {name}
              </h2>
              {standards
                .filter((s) => s.estateCode === code)
                .map((s) => (
                  <article key={s.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="public-standard" data-document-no={s.documentNo ?? ""} data-upcoming={s.upcoming || undefined}>
                    <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
                      <h3 className="font-medium text-slate-900">{s.unitType ? stock(`unitType.${s.unitType}`) : t("allTypes")}</h3>
                      <Badge tone={s.upcoming ? "info" : "success"}>{s.upcoming ? t("public.upcoming") : t("public.inForce")}</Badge>
                    </header>
                    <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                      <dt className="text-slate-600">{t("documentNo")}</dt>
                      <dd className="font-medium">{s.documentNo ?? "—"}</dd>
                      <dt className="text-slate-600">{t("public.from")}</dt>
                      <dd data-testid="public-effective-from" data-date={s.effectiveFrom}>{formatIsoDate(s.effectiveFrom, l)}</dd>
                      {s.effectiveTo ? (
                        <>
                          <dt className="text-slate-600">{t("public.until")}</dt>
                          <dd>{formatIsoDate(s.effectiveTo, l)}</dd>
                        </>
                      ) : null}
                      <dt className="text-slate-600">{t("public.publishedAt")}</dt>
                      <dd>{format.dateTime(s.publishedAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</dd>
                    </dl>
                    <RentTierTable tiers={s.tiers} />
                  </article>
                ))}
            </section>
          ))}
        </div>
      )}
      <p className="mt-8 text-sm text-slate-600">{t("public.notes")}</p>
    </Container>
  );
}
