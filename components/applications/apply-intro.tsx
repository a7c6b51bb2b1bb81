import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { APPLY_STEPS } from "@/lib/applications/schemas";

/** Before the first step: what the form asks, what to have at hand, and the rule of one application (Art. 12). */
export async function ApplyIntro({ activeApplicationNo }: { activeApplicationNo: string | null }) {
  const t = await getTranslations("applications.apply");
  const tc = await getTranslations("applications");
  return (
    <Container className="max-w-3xl">
      <PageHeader title={t("title")} description={t("introLead")} />
      {activeApplicationNo ? (
        <Alert tone="warning" title={t("alreadyAppliedTitle")} className="mb-6">
          <p>{t("alreadyAppliedBody", { applicationNo: activeApplicationNo })}</p>
          <p className="mt-3">
            <ButtonLink href={`/me/applications/${encodeURIComponent(activeApplicationNo)}`} variant="secondary">
              {t("viewApplication")}
            </ButtonLink>
          </p>
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6">
        <Card title={t("introStepsTitle")}>
          <ol className="list-decimal space-y-1.5 pl-5 text-slate-800">
            {APPLY_STEPS.map((s) => (
              <li key={s}>
                <span className="font-medium">{t(`steps.${s}`)}</span>
                {tc("colon")}
                {t(`stepSummary.${s}`)}
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t("introNeedTitle")}>
          <ul className="list-disc space-y-1.5 pl-5 text-slate-800">
            <li>{t("introNeed1")}</li>
            <li>{t("introNeed2")}</li>
            <li>{t("introNeed3")}</li>
            <li>{t("introNeed4")}</li>
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t("introSaved")}</p>
        </Card>
        {activeApplicationNo ? null : (
          <ButtonLink href="/me/apply/household" className="w-full sm:w-auto sm:self-start">
            {t("start")}
          </ButtonLink>
        )}
      </div>
    </Container>
  );
}
