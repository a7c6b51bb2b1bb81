import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatIsoDate } from "@/lib/applications/format";
import { LIVING_LEASE_STATUSES } from "@/lib/db/application-status";
import { todayCST } from "@/lib/clock";
import type { VacateOrderStatus, ViolationStatus } from "@/lib/generated/prisma/client";
import { formatFen } from "@/lib/money/format";
import { addDays } from "@/lib/rules/dates";
import { ORDER_GROUNDS, VIOLATION_KINDS } from "@/lib/tenancy/leaving-schemas";
import type { LeavingView, StaffLeavingView, VacateOrderView } from "@/lib/tenancy/leaving";
import type { LeaseView } from "@/lib/tenancy/leases";
import { formatBytes } from "@/lib/documents/format";
import { MAX_EVIDENCE_FILES } from "@/lib/tenancy/violation-evidence-limit";
import { EvidenceUpload } from "./evidence-upload";
import { DecideViolation, IssueVacateOrder, LiftBans, RecordMoveOut, RecordViolation, ReferToCourt } from "./leaving-forms";

// Leaving (Art. 31, 38-41) on the lease pages: the officers' panel (violations, bans, vacate
// orders, court referral, move-out check) and the notice on the tenant's lease page. Internal notes
// appear only in the officers' panel.

const ORDER_TONE: Record<VacateOrderStatus, BadgeTone> = { ISSUED: "danger", REFERRED_TO_COURT: "danger", VACATED: "neutral", ENFORCED: "neutral", WITHDRAWN: "neutral" };
const VIOLATION_TONE: Record<ViolationStatus, BadgeTone> = { REPORTED: "warning", CONFIRMED: "danger", DISMISSED: "neutral" };

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

async function OrderFacts({ order }: { order: VacateOrderView }) {
  const t = await getTranslations("leaving");
  const l = await lang();
  const d = (date: string) => formatIsoDate(date, l);
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-800" data-testid="vacate-order" data-status={order.status}>
      <p className="flex flex-wrap items-center gap-2 text-base font-medium text-slate-900">
        {t(`ground.${order.ground}`)} <Badge tone={ORDER_TONE[order.status]}>{t(`orderStatus.${order.status}`)}</Badge>
      </p>
      <p>{t("orders.no", { no: order.orderNo })} · {t("orders.obligation", { date: d(order.obligationDate) })}</p>
      <p className="font-medium">{order.vacatedOn ? t("moveOut.done", { date: d(order.vacatedOn) }) : t("orders.deadlineOn", { date: d(order.deadline) })}</p>
      {order.status === "ISSUED" || order.status === "REFERRED_TO_COURT" ? (
        <p>{order.transitionGranted && order.transitionEndDate ? t("orders.transitionUntil", { date: d(order.transitionEndDate) }) : t("orders.noTransition")}</p>
      ) : null}
      {order.courtReferredAt ? (
        <p>
          {t("orders.court.referred", { date: d(todayCST(order.courtReferredAt)) })}
          {order.courtCaseNo ? ` · ${t("orders.court.case", { caseNo: order.courtCaseNo })}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** The officers' panel on a lease: what was found, decided and ordered, and the next step. */
export async function StaffLeavingPanel({ lease, view, today, canManage }: { lease: LeaseView; view: StaffLeavingView; today: string; canManage: boolean }) {
  const t = await getTranslations("leaving");
  const locale = await getLocale();
  const l = await lang();
  const living = LIVING_LEASE_STATUSES.includes(lease.status);
  const kinds = VIOLATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }));
  const grounds = ORDER_GROUNDS.map((g) => ({ value: g, label: t(`ground.${g}`) }));
  const namespaces = ["leaving", "leaving.validation"];
  const empty = view.violations.length === 0 && view.orders.length === 0;
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-6" data-testid="leaving-panel">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {view.termEnded && living && !view.openOrder ? <Alert tone="warning">{t("orders.termEnded", { date: formatIsoDate(lease.endDate, l) })}</Alert> : null}
        {view.arrearsObligeVacating && living && !view.openOrder ? <Alert tone="warning">{t("orders.arrears", { amount: formatFen(view.overdueRentFen, locale) })}</Alert> : null}
        {empty ? <p className="text-slate-700">{t("none")}</p> : null}

        {view.orders.length > 0 ? (
          <section className="flex flex-col gap-3">
            <h3 className="font-semibold text-slate-900">{t("orders.title")}</h3>
            <ul className="flex flex-col gap-3">
              {view.orders.map((o) => (
                <li key={o.id} className="rounded-md border border-slate-200 p-3">
                  <OrderFacts order={o} />
                  {o.reason ? <p className="mt-1 text-sm text-slate-700">{t("tenant.reason", { reason: o.reason })}</p> : null}
                  {o.overdue ? <Alert tone="warning" className="mt-2">{t("orders.overdue")}</Alert> : null}
                  {o.overdue && canManage ? (
                    <div className="mt-3">
                      <ClientMessages namespaces={namespaces}>
                        <ReferToCourt orderId={o.id} orderNo={o.orderNo} />
                      </ClientMessages>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {view.violations.length > 0 ? (
          <section className="flex flex-col gap-3">
            <h3 className="font-semibold text-slate-900">{t("violations.title")}</h3>
            <ul className="flex flex-col gap-3">
              {view.violations.map((v) => (
                <li key={v.id} className="rounded-md border border-slate-200 p-3 text-sm text-slate-800" data-testid="violation" data-status={v.status}>
                  <p className="flex flex-wrap items-center gap-2 text-base font-medium text-slate-900">
                    {t("violations.recorded", { no: v.violationNo, kind: t(`kind.${v.kind}`) })} <Badge tone={VIOLATION_TONE[v.status]}>{t(`violationStatus.${v.status}`)}</Badge>
                  </p>
                  <p>{t("violations.detected", { date: formatIsoDate(v.detectedOn, l) })}</p>
                  <p className="mt-1 whitespace-pre-line">{v.description}</p>
                  {v.evidence ? <p className="mt-1 whitespace-pre-line text-slate-700">{t("violations.evidenceLine", { evidence: v.evidence })}</p> : null}
                  {view.internalNotes[v.id] ? <p className="mt-1 rounded bg-slate-100 px-2 py-1 text-slate-700">{t("violations.internal", { note: view.internalNotes[v.id]! })}</p> : null}
                  <div className="mt-2 flex flex-col gap-2" data-testid={`evidence-files-${v.violationNo}`}>
                    <p className="font-medium text-slate-900">{t("evidenceFiles.title")}</p>
                    {(view.evidenceFiles[v.id] ?? []).length > 0 ? (
                      <ul className="flex flex-col gap-1">
                        {view.evidenceFiles[v.id]!.map((f) => (
                          <li key={f.id}>
                            <a href={`/api/documents/${f.id}`} className="text-brand-700 underline">{f.fileName}</a> <span className="text-slate-600">· {formatBytes(f.sizeBytes)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-slate-600">{t("evidenceFiles.none")}</p>
                    )}
                    {canManage && (view.evidenceFiles[v.id] ?? []).length < MAX_EVIDENCE_FILES ? (
                      <ClientMessages namespaces={["leaving.evidenceFiles"]}>
                        <EvidenceUpload violationId={v.id} />
                      </ClientMessages>
                    ) : null}
                  </div>
                  {v.decisionReason ? <p className="mt-1">{t("violations.decision", { reason: v.decisionReason })}</p> : null}
                  {v.status === "REPORTED" && canManage && living ? (
                    <div className="mt-3">
                      <ClientMessages namespaces={namespaces}>
                        <DecideViolation violationId={v.id} violationNo={v.violationNo} leaseNo={lease.leaseNo} defaultDeadline={addDays(today, 30)} />
                      </ClientMessages>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {view.bans.length > 0 ? (
          <section className="flex flex-col gap-2">
            <h3 className="font-semibold text-slate-900">{t("bans.title")}</h3>
            <ul className="flex flex-col gap-1 text-sm text-slate-800" data-testid="bans">
              {view.bans.map((b) => (
                <li key={b.id}>
                  {t("bans.row", { name: b.memberName ?? "—", id: b.residentIdMasked })} · {b.lifted ? (b.liftReason ? t("bans.liftedBecause", { reason: b.liftReason }) : t("bans.lifted")) : t("bans.until", { from: formatIsoDate(b.bannedFrom, l), until: formatIsoDate(b.bannedUntil, l) })}
                </li>
              ))}
            </ul>
            {canManage
              ? view.violations
                  .filter((v) => v.status === "CONFIRMED" && view.bans.some((b) => b.violationId === v.id && !b.lifted))
                  .map((v) => (
                    <details key={v.id} className="rounded-md border border-slate-200 p-3">
                      <summary className="cursor-pointer font-medium text-brand-700">{t("bans.liftOpen")}</summary>
                      <p className="my-3 text-sm text-slate-700">{t("bans.liftIntro")}</p>
                      <ClientMessages namespaces={namespaces}>
                        <LiftBans violationId={v.id} violationNo={v.violationNo} />
                      </ClientMessages>
                    </details>
                  ))
              : null}
          </section>
        ) : null}

        {canManage && living ? (
          <>
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium text-brand-700">{t("violations.record")}</summary>
              <p className="my-3 text-sm text-slate-700">{t("violations.recordIntro")}</p>
              <ClientMessages namespaces={namespaces}>
                <RecordViolation leaseId={lease.id} today={today} kinds={kinds} />
              </ClientMessages>
            </details>
            {!view.openOrder ? (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer font-medium text-brand-700">{t("orders.issue")}</summary>
                <p className="my-3 text-sm text-slate-700">{t("orders.issueIntro")}</p>
                <ClientMessages namespaces={namespaces}>
                  <IssueVacateOrder leaseId={lease.id} leaseNo={lease.leaseNo} defaultDeadline={addDays(today, 30)} grounds={grounds} />
                </ClientMessages>
              </details>
            ) : null}
            <details className="rounded-md border border-slate-200 p-3" open={Boolean(view.openOrder)}>
              <summary className="cursor-pointer font-medium text-brand-700">{t("moveOut.title")}</summary>
              <p className="my-3 text-sm text-slate-700">{t("moveOut.intro")}</p>
              <ClientMessages namespaces={namespaces}>
                <RecordMoveOut leaseId={lease.id} today={today} />
              </ClientMessages>
            </details>
          </>
        ) : null}
      </div>
    </Card>
  );
}

/** On the tenant's lease page: an open vacate order, a violation decided, or the move-out. */
export async function TenantLeavingNotice({ view }: { view: LeavingView }) {
  const t = await getTranslations("leaving");
  const l = await lang();
  const order = view.openOrder;
  const done = view.orders.find((o) => o.vacatedOn);
  if (!order && view.violations.length === 0 && !done) return null;
  return (
    <div className="flex flex-col gap-4" data-testid="tenant-leaving">
      {order ? (
        <Alert tone="error" title={t("tenant.orderTitle")}>
          <div className="flex flex-col gap-1">
            <p>{t("tenant.orderBody", { ground: t(`ground.${order.ground}`), deadline: formatIsoDate(order.deadline, l) })}</p>
            {order.reason ? <p>{t("tenant.reason", { reason: order.reason })}</p> : null}
            <p>{order.transitionGranted && order.transitionEndDate ? t("orders.transitionUntil", { date: formatIsoDate(order.transitionEndDate, l) }) : t("orders.noTransition")}</p>
            <p>{t("tenant.rent")}</p>
            <p>{t("tenant.court")}</p>
          </div>
        </Alert>
      ) : null}
      {view.violations.length > 0 ? (
        <Alert tone="warning" title={t("tenant.violationTitle")}>
          <ul className="flex flex-col gap-1">
            {view.violations.map((v) => (
              <li key={v.id}>
                {t("tenant.violation", { kind: t(`kind.${v.kind}`), date: v.decidedAt ? formatIsoDate(todayCST(v.decidedAt), l) : "" })}
                {v.decisionReason ? ` ${t("tenant.reason", { reason: v.decisionReason })}` : ""}
              </li>
            ))}
          </ul>
          <p className="mt-1">{t("tenant.banNotice")}</p>
        </Alert>
      ) : null}
      {done?.vacatedOn ? <Alert tone="info">{t("tenant.movedOut", { date: formatIsoDate(done.vacatedOn, l) })}</Alert> : null}
    </div>
  );
}
