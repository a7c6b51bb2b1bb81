import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SharedDataComparison } from "@/components/shared-data/comparison-panel";
import { formatIsoDate } from "@/lib/applications/format";
import { fromDateColumn } from "@/lib/clock";
import { formatDm2, formatFen } from "@/lib/money/format";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { RecheckDetail as RecheckDetailData, RecheckFindings } from "@/lib/rechecks/recheck-service";
import { explainIneligibility, roundFen } from "@/lib/rules";
import { ConfirmCancellationForm, DismissRecheckForm, EndTenancyForm } from "./decision-forms";
import { RecheckStatusBadge, recheckView } from "./recheck-status-badge";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function RecheckDetail({ row, done, today }: { row: RecheckDetailData; done?: "cancelled" | "dismissed" | "ended"; today: string }) {
  const t = await getTranslations("rechecks");
  const format = await getFormatter();
  const locale = await getLocale();
  const findings = row.findings as unknown as RecheckFindings | null;
  const lease = row.lease;
  const tenancy = row.kind === "TENANCY";
  const app = row.qualification?.application ?? lease?.application;
  const applicant = app?.members.find((m) => m.relationship === "APPLICANT");
  const names = new Map(app?.members.map((m) => [m.id, m.name]) ?? []);
  const v = recheckView(row);

  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={tenancy ? "/staff/rechecks?kind=TENANCY" : "/staff/rechecks"} className="text-brand-700 underline-offset-2 hover:underline">
          ← {tenancy ? t("tenancy.detail.back") : t("detail.back")}
        </Link>
      </p>
      <PageHeader
        title={tenancy ? t("tenancy.detail.title", { name: applicant?.name ?? "—", year: row.year }) : t("detail.title", { name: applicant?.name ?? "—", year: row.year })}
        description={
          <>
            <p>{t("detail.applicationNo", { no: app?.applicationNo ?? "—" })}</p>
            {lease ? (
              <p>
                {t("tenancy.detail.leaseNo", { no: lease.leaseNo, unit: `${lease.unit.estate.name} ${lease.unit.building.name}${lease.unit.unitNo}`, endDate: formatIsoDate(fromDateColumn(lease.endDate), locale === "en" ? "en" : "zh-CN") })}
                {" · "}
                <Link href={`/staff/leases/${lease.leaseNo}`} className="text-brand-700 underline">{t("tenancy.detail.leaseLink")}</Link>
              </p>
            ) : null}
          </>
        }
        actions={<RecheckStatusBadge view={v} label={tenancy && v !== "PENDING" ? t(`tenancy.views.${v}`) : t(`views.${v}`)} />}
      />
      <div className="flex flex-col gap-6">
        {done ? (
          <Alert tone="success">
            {done === "ended" ? t("tenancy.decide.ended") : done === "cancelled" ? t("decide.cancelled") : tenancy ? t("tenancy.decide.dismissed") : t("decide.dismissed")}
          </Alert>
        ) : null}
        <Card title={t("detail.resultTitle")}>
          {findings ? (
            <>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("detail.checkedOn")}</dt>
                <dd>{findings.checkedOn}</dd>
                <dt className="text-slate-600">{t("detail.reference")}</dt>
                <dd>{t("detail.referenceValue", { year: findings.referenceIncomeYear ?? "—", amount: formatFen(findings.referenceIncomeFen ?? 0, locale) })}</dd>
                {typeof findings.perCapitaIncomeFen === "number" ? (
                  <>
                    <dt className="text-slate-600">{t("detail.perCapita")}</dt>
                    <dd>
                      {t("detail.perCapitaValue", {
                        amount: formatFen(roundFen(findings.perCapitaIncomeFen), locale),
                        limit: formatFen(roundFen(findings.incomeLimitFen), locale),
                        size: findings.householdSize,
                      })}
                    </dd>
                  </>
                ) : null}
              </dl>
              {findings.eligible ? (
                <Alert tone="success" className="mt-4">
                  {tenancy ? t("tenancy.detail.stillEligible") : t("detail.stillEligible")}
                </Alert>
              ) : (
                <Alert tone="warning" className="mt-4" title={tenancy ? t("tenancy.detail.notEligible") : t("detail.notEligible")}>
                  <ul className="list-disc space-y-1 pl-5">
                    {findings.reasons.map((r) => (
                      <li key={r.code}>{explainIneligibility(r, locale === "en" ? "en" : "zh-CN")}</li>
                    ))}
                  </ul>
                </Alert>
              )}
            </>
          ) : (
            <p>{t("detail.noFindings")}</p>
          )}
        </Card>

        {findings && findings.changes?.length > 0 ? (
          <Card title={t("detail.changesTitle")}>
            <p className="mb-2 text-sm text-slate-600">{t("detail.changesIntro")}</p>
            <ul className="space-y-1 text-sm">
              {findings.changes.map((c, i) => (
                <li key={i} className="rounded-md bg-slate-50 px-3 py-1.5">
                  {c.kind === "income"
                    ? t("detail.changeIncome", {
                        name: names.get(c.memberId) ?? "—",
                        declared: formatFen(c.declaredFen, locale),
                        recorded: formatFen(c.recordedFen, locale),
                        source: t(`detail.sources.${c.source}`),
                        year: c.year ?? "—",
                      })
                    : c.kind === "housing"
                      ? t("detail.changeHousing", {
                          declared: formatDm2(c.declaredOwns ? c.declaredAreaDm2 : 0, locale),
                          recorded: formatDm2(c.recordedOwns ? c.recordedAreaDm2 : 0, locale),
                        })
                      : c.kind === "transfer"
                        ? t("detail.changeTransfer", { declared: c.declared ?? t("detail.none"), recorded: c.recorded })
                        : t("detail.changePriority", { category: t(`detail.categories.${c.category}`) })}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {app ? <SharedDataComparison applicationId={app.id} onDate={findings?.checkedOn} /> : null}

        {row.status === "PENDING" && tenancy ? (
          <div className="grid gap-6 md:grid-cols-2">
            <Card title={t("tenancy.decide.endTitle")}>
              <p className="mb-3 text-sm text-slate-700">{t("tenancy.decide.endBody")}</p>
              <ClientMessages namespaces={["rechecks.decide", "rechecks.tenancy.decide", "rechecks.validation"]}><EndTenancyForm recheckId={row.id} today={today} /></ClientMessages>
            </Card>
            <Card title={t("tenancy.decide.dismissTitle")}>
              <p className="mb-3 text-sm text-slate-700">{t("tenancy.decide.dismissBody")}</p>
              <ClientMessages namespaces={["rechecks.decide", "rechecks.tenancy.decide", "rechecks.validation"]}><DismissRecheckForm recheckId={row.id} tenancy /></ClientMessages>
            </Card>
          </div>
        ) : row.status === "PENDING" ? (
          <div className="grid gap-6 md:grid-cols-2">
            <Card title={t("decide.cancelTitle")}>
              <p className="mb-3 text-sm text-slate-700">{t("decide.cancelBody")}</p>
              <ClientMessages namespaces={["rechecks.decide", "rechecks.validation"]}><ConfirmCancellationForm recheckId={row.id} /></ClientMessages>
            </Card>
            <Card title={t("decide.dismissTitle")}>
              <p className="mb-3 text-sm text-slate-700">{t("decide.dismissBody")}</p>
              <ClientMessages namespaces={["rechecks.decide", "rechecks.validation"]}><DismissRecheckForm recheckId={row.id} /></ClientMessages>
            </Card>
          </div>
        ) : (
          <Card title={t("detail.decisionTitle")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("detail.decidedBy")}</dt>
              <dd>{row.decidedBy?.name ?? (tenancy ? t("tenancy.detail.system") : t("detail.system"))}</dd>
              <dt className="text-slate-600">{t("detail.decidedAt")}</dt>
              <dd>{row.decidedAt ? format.dateTime(row.decidedAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</dd>
              {row.reasons ? (
                <>
                  <dt className="text-slate-600">{t("detail.reasons")}</dt>
                  <dd className="whitespace-pre-wrap">{row.reasons}</dd>
                </>
              ) : null}
            </dl>
          </Card>
        )}
      </div>
    </Container>
  );
}
