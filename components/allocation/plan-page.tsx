import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { PlanDetail } from "@/lib/allocation/plans";
import { PlanFacts } from "./plan-facts";
import { PlanPools } from "./plan-pools";
import { formatDm2 } from "@/lib/money/format";
import { PlanStep, WithdrawPlan } from "./plan-actions";
import { PLAN_STATUS_TONE } from "./plan-list";

/** One plan: what it announces, its units, who did what, and the next step for those who may take it. */
export async function PlanPage({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("allocation.plan");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const step = plan.can.submit ? "submit" : plan.can.approve ? "approve" : plan.can.publish ? "publish" : null;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/plans" className="text-brand-700 underline-offset-2 hover:underline">← {t("listTitle")}</Link>
      </p>
      <PageHeader
        title={plan.title}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={PLAN_STATUS_TONE[plan.status]}>{t(`status.${plan.status}`)}</Badge>
            <span>{t(`methods.${plan.method}`)}</span>
          </p>
        }
      />
      {plan.status === "WITHDRAWN" && plan.withdrawReason ? <Alert tone="warning" className="mb-6">{t("withdrawn", { name: plan.withdrawnByName ?? "", at: plan.withdrawnAt ? at(plan.withdrawnAt) : "", reason: plan.withdrawReason })}</Alert> : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card title={t("facts")}>
            <PlanFacts
              plan={plan}
              first={{ label: t("estate"), value: <Link href={`/staff/estates/${encodeURIComponent(plan.estate.code)}`} className="text-brand-700 underline">{plan.estate.name}</Link> }}
            />
          </Card>
          {plan.pools.length > 0 && plan.status !== "DRAFT" && plan.status !== "SUBMITTED" && plan.status !== "APPROVED" ? (
            <PlanPools planId={plan.id} pools={plan.pools} beaconSource={plan.beaconSource ?? ""} />
          ) : null}
          <Card title={t("unitsTitle", { count: plan.units.length })}>
            <ul className="flex flex-wrap gap-2 text-sm" data-testid="plan-units">
              {plan.units.map((u) => (
                <li key={u.id} className="rounded border border-slate-300 px-2 py-1">
                  {u.building} {u.unitNo} · {stock(`unitType.${u.unitType}`)} · {formatDm2(u.floorAreaDm2, locale)}㎡ · {stock(`statusShort.${u.status}`)}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card title={t("history")}>
            <ol className="flex flex-col gap-1 text-sm text-slate-800" data-testid="plan-history">
              <li>{t("created", { name: plan.createdByName, at: at(plan.createdAt) })}</li>
              {plan.submittedAt ? <li>{t("submitted", { at: at(plan.submittedAt) })}</li> : null}
              {plan.approvedAt ? <li>{t("approved", { name: plan.approvedByName ?? "", at: at(plan.approvedAt) })}</li> : null}
              {plan.publishedAt ? <li>{t("published", { name: plan.publishedByName ?? "", at: at(plan.publishedAt) })}</li> : null}
            </ol>
          </Card>
          {step ? (
            <Card title={t("next")}>
              <ClientMessages namespaces={["allocation.plan"]}>
                <PlanStep planId={plan.id} step={step} title={plan.title} />
              </ClientMessages>
            </Card>
          ) : plan.status === "SUBMITTED" ? (
            <Alert tone="info">{t("waitingApproval")}</Alert>
          ) : null}
          {plan.can.withdraw ? (
            <Card title={t("withdraw.title")}>
              <p className="mb-4 text-sm text-slate-700">{t("withdraw.intro")}</p>
              <ClientMessages namespaces={["allocation.plan", "allocation.validation"]}>
                <WithdrawPlan planId={plan.id} title={plan.title} />
              </ClientMessages>
            </Card>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
