import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { DistrictSummary } from "@/lib/auth/districts";

export async function DistrictRecords({ district }: { district: DistrictSummary }) {
  const t = await getTranslations("staff.district");
  const locale = await getLocale();
  return (
    <Container>
      <PageHeader
        title={locale === "en" ? district.nameEn : district.name}
        description={
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>{t("code", { code: district.code })}</span>
            <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-700">{t(`kind${district.kind}`)}</span>
            {district.isCentralUrban ? (
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800">{t("centralUrban")}</span>
            ) : null}
          </p>
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("officersTitle")}>
          <p className="text-3xl font-bold text-brand-800">{t("officerCount", { count: district.activeOfficerCount })}</p>
        </Card>
      </div>
      <Alert tone="info" className="mt-6">
        {t("placeholder")}
      </Alert>
    </Container>
  );
}
