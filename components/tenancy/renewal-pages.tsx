import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatIsoDate } from "@/lib/applications/format";
import { todayCST } from "@/lib/clock";
import type { RequestStatus } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/format";
import { articleLabel } from "@/lib/rules/articles";
import type { LeaseView } from "@/lib/tenancy/leases";
import type { LeaseRenewal, RenewalView } from "@/lib/tenancy/renewals";
import type { RecheckFindings } from "@/lib/rechecks/recheck-service";
import { DecideRenewal, RequestRenewal } from "./renewal-forms";

// Renewal (Art. 32) on the lease pages: the tenant's card (the last day, the request, its outcome)
// and the officers' panel with the re-review and the decision.

const TONE: Record<RequestStatus, BadgeTone> = { SUBMITTED: "info", UNDER_REVIEW: "info", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral", COMPLETED: "success" };

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

async function RequestRow({ r }: { r: RenewalView }) {
  const t = await getTranslations("renewals");
  const l = await lang();
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm text-slate-800" data-testid="renewal-request" data-status={r.status}>
      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
        {t("requested", { date: formatIsoDate(todayCST(r.requestedAt), l), months: r.termMonths ?? "—" })}
        <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
        {!r.isOnTime ? <Badge tone="warning">{t("late")}</Badge> : null}
      </p>
      {r.decisionReason ? <p className="mt-1">{t("reason", { reason: r.decisionReason })}</p> : null}
    </li>
  );
}

/** The tenant's renewal card on the lease page. */
export async function TenantRenewalCard({ lease, renewal }: { lease: LeaseView; renewal: LeaseRenewal }) {
  const t = await getTranslations("renewals");
  const l = await lang();
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-3" data-testid="renewal">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <p className="font-medium text-slate-900" data-testid="renewal-latest">{t("latest", { date: formatIsoDate(renewal.latestDate, l) })}</p>
        {renewal.renewalLeaseNo ? (
          <Alert tone="success">
            <Link href={`/me/lease/${renewal.renewalLeaseNo}`} className="underline">{t("renewed", { leaseNo: renewal.renewalLeaseNo })}</Link>
          </Alert>
        ) : null}
        {renewal.requests.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {renewal.requests.map((r) => <RequestRow key={r.id} r={r} />)}
          </ul>
        ) : null}
        {renewal.canRequest ? (
          <>
            {!renewal.onTime ? <Alert tone="warning">{t("lateNotice", { date: formatIsoDate(renewal.latestDate, l) })}</Alert> : null}
            <ClientMessages namespaces={["renewals", "renewals.validation"]}>
              <RequestRenewal leaseId={lease.id} defaultTerm={lease.termMonths} />
            </ClientMessages>
          </>
        ) : null}
      </div>
    </Card>
  );
}

async function Findings({ findings }: { findings: RecheckFindings | null }) {
  const t = await getTranslations("renewals.review");
  const locale = await getLocale();
  const l = await lang();
  if (!findings) return null;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="renewal-findings" data-eligible={String(findings.eligible)}>
      <Alert tone={findings.eligible ? "success" : "warning"}>{findings.eligible ? t("eligible") : t("ineligible")}</Alert>
      <p>{t("perCapita", { amount: formatFen(Math.round(findings.perCapitaIncomeFen), locale), limit: formatFen(Math.round(findings.incomeLimitFen), locale) })}</p>
      {findings.reasons.length > 0 ? (
        <ul className="list-disc pl-5">
          {findings.reasons.map((r) => (
            <li key={r.code}>{articleLabel(r.article, l)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The officers' panel: the requests, the re-review of the one under way, and the decision. */
export async function StaffRenewalPanel({ renewal, pending, canManage }: { renewal: LeaseRenewal; pending: { id: string; findings: RecheckFindings | null } | null; canManage: boolean }) {
  const t = await getTranslations("renewals");
  const l = await lang();
  return (
    <Card title={t("staffTitle")}>
      <div className="flex flex-col gap-3" data-testid="renewal-panel">
        <p className="text-sm text-slate-800">{t("latest", { date: formatIsoDate(renewal.latestDate, l) })}</p>
        {renewal.renewalLeaseNo ? (
          <Alert tone="info">
            <Link href={`/staff/leases/${renewal.renewalLeaseNo}`} className="underline">{t("renewedStaff", { leaseNo: renewal.renewalLeaseNo })}</Link>
          </Alert>
        ) : null}
        {renewal.requests.length === 0 ? <p className="text-slate-700">{t("none")}</p> : (
          <ul className="flex flex-col gap-2">
            {renewal.requests.map((r) => <RequestRow key={r.id} r={r} />)}
          </ul>
        )}
        {pending ? (
          <section className="flex flex-col gap-3">
            <h3 className="font-semibold text-slate-900">{t("review.title")}</h3>
            <Findings findings={pending.findings} />
            {canManage ? (
              <ClientMessages namespaces={["renewals", "renewals.validation"]}>
                <DecideRenewal requestId={pending.id} eligible={pending.findings?.eligible ?? true} />
              </ClientMessages>
            ) : null}
          </section>
        ) : null}
      </div>
    </Card>
  );
}
