import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/lib/money/format";
import { PageHeader } from "@/components/ui/page-header";
import type { ReferenceIncomePage } from "@/lib/reference/reference-income";
import { ReferenceIncomeForm } from "./reference-income-form";

/** The reference figures of Art. 13.4 and the form to enter one (municipal officers). */
export async function ReferenceIncomes({ page }: { page: ReferenceIncomePage }) {
  const t = await getTranslations("referenceIncomes");
  const suggestedYear = page.missingYear ?? Number(page.today.slice(0, 4)) - 1;
  return (
    <Container>
      <PageHeader title={t("title")} description={t("intro")} />
      {page.inUseYear !== null ? (
        <Alert tone="info" className="mb-6">
          {t("inUse", { today: page.today, year: page.inUseYear })}
        </Alert>
      ) : (
        <Alert tone="error" className="mb-6">
          {t("missing", { today: page.today, year: page.missingYear ?? suggestedYear })}
        </Alert>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title={t("listTitle")}>
          {page.rows.length === 0 ? (
            <EmptyState title={t("empty")} body={t("emptyBody")} />
          ) : (
            <ul className="flex flex-col divide-y divide-slate-200">
              {page.rows.map((r) => (
                <li key={r.year} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0" data-testid={`reference-income-${r.year}`}>
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-slate-900">{t("colYear")} {r.year}</span>
                    {r.year === page.inUseYear ? <Badge tone="success">{t("inUseBadge")}</Badge> : null}
                  </p>
                  <p className="text-slate-900">
                    {t("colAmount")}：<span className="font-medium tabular-nums">{formatFen(r.fen)}</span>
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("colSource")}：{r.source ?? "—"} · {t("colPublishedOn")}：{r.publishedOn ?? "—"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("formTitle")}>
          <p className="mb-4 text-sm text-slate-700">{t("formIntro")}</p>
          <ClientMessages namespaces={["referenceIncomes"]}>
            <ReferenceIncomeForm suggestedYear={suggestedYear} today={page.today} />
          </ClientMessages>
        </Card>
      </div>
    </Container>
  );
}
