import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { formatIsoDate } from "@/lib/applications/format";
import { fenInputText, formatFen, formatPercentBp } from "@/lib/money/format";
import { maxStandardRentFen } from "@/lib/rules/rent";
import type { RentStandardDetail, ReviewPreview } from "@/lib/tenancy/rent-standards";
import { CreateReviewForm } from "./rent-standard-forms";
import { RentTierTable } from "./rent-standard-tiers";

/**
 * The three-yearly review (Art. 27): the officer enters the three changes (and a new market rent),
 * the page shows each tier's new rate computed by lib/rules, then the draft is created from them.
 */
export async function RentReviewPage({
  standard,
  values,
  preview,
  fieldErrors,
  formError,
}: {
  standard: RentStandardDetail;
  values: Record<string, string>;
  preview: ReviewPreview | null;
  fieldErrors: Record<string, string[]>;
  formError: string | null;
}) {
  const t = await getTranslations("rentStandards");
  const locale = await getLocale();
  const l = locale === "en" ? "en" : "zh-CN";
  const required = (await getTranslations("common"))("required");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={`/staff/rent-standards/${standard.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          ← {standard.documentNo ?? t("facts")}
        </Link>
      </p>
      <PageHeader title={t("reviewTitle", { documentNo: standard.documentNo ?? "—" })} description={<p>{t("reviewIntro")}</p>} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <form method="get" action={`/staff/rent-standards/${standard.id}/review`} className="flex flex-col gap-4" data-testid="review-inputs">
            {formError ? <Alert tone="error">{formError}</Alert> : null}
            <TextField name="disposableIncomeChange" inputMode="decimal" label={t("reviewFields.disposableIncomeChange")} defaultValue={values.disposableIncomeChange ?? ""} required requiredLabel={required} errors={fieldErrors.disposableIncomeChange} />
            <TextField name="cpiChange" inputMode="decimal" label={t("reviewFields.cpiChange")} defaultValue={values.cpiChange ?? ""} required requiredLabel={required} errors={fieldErrors.cpiChange} />
            <TextField name="rentIndexChange" inputMode="decimal" label={t("reviewFields.rentIndexChange")} defaultValue={values.rentIndexChange ?? ""} required requiredLabel={required} errors={fieldErrors.rentIndexChange} />
            <TextField name="marketRent" inputMode="decimal" label={t("reviewFields.marketRent")} hint={t("reviewFields.marketRentHint", { amount: formatFen(standard.marketRentFenPerM2, locale) })} defaultValue={values.marketRent ?? ""} errors={fieldErrors.marketRent} />
            <TextField name="effectiveFrom" type="date" label={t("reviewFields.effectiveFrom")} hint={t("fields.effectiveFromHint")} defaultValue={values.effectiveFrom ?? ""} required requiredLabel={required} errors={fieldErrors.effectiveFrom} />
            <button type="submit" className="min-h-11 rounded-md border border-brand-700 px-4 font-medium text-brand-700 hover:bg-brand-50">
              {t("reviewFields.compute")}
            </button>
          </form>
        </Card>
        <Card title={preview ? t("previewTitle") : t("tiersTitle")}>
          {preview ? (
            <div className="flex flex-col gap-4" data-testid="review-preview">
              <p className="text-sm text-slate-700">
                {t("previewIntro", {
                  mean: formatPercentBp(Math.round(preview.meanChangeBp), locale),
                  market: formatFen(preview.newMarketRentFenPerM2, locale),
                  cap: formatFen(maxStandardRentFen(preview.newMarketRentFenPerM2), locale),
                })}
              </p>
              <RentTierTable tiers={preview.tiers} showPrevious testId="review-tiers" />
              <ClientMessages namespaces={["rentStandards"]}>
                <CreateReviewForm
                  effectiveFrom={formatIsoDate(preview.effectiveFrom, l)}
                  inputs={{
                    standardId: standard.id,
                    disposableIncomeChange: values.disposableIncomeChange ?? "",
                    cpiChange: values.cpiChange ?? "",
                    rentIndexChange: values.rentIndexChange ?? "",
                    marketRent: values.marketRent ? fenInputText(preview.newMarketRentFenPerM2) : "",
                    effectiveFrom: preview.effectiveFrom,
                  }}
                />
              </ClientMessages>
            </div>
          ) : (
            <RentTierTable tiers={standard.tiers} />
          )}
        </Card>
      </div>
    </Container>
  );
}
