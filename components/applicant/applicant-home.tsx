import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { CurrentUser } from "@/lib/auth/session";

export async function ApplicantHome({ user }: { user: CurrentUser }) {
  const t = await getTranslations("applicant");
  const steps = [t("step1"), t("step2"), t("step3"), t("step4"), t("step5")];
  return (
    <Container>
      <PageHeader title={t("title")} description={t("greeting", { name: user.name })} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <EmptyState title={t("noApplicationTitle")} body={t("noApplicationBody")} />
        <Card title={t("stepsTitle")}>
          <ol className="space-y-3">
            {steps.map((step, i) => (
              <li key={step} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white"
                >
                  {i + 1}
                </span>
                <span className="text-slate-700">{step}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </Container>
  );
}
