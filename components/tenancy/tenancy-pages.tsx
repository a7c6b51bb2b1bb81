import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { queryString } from "@/components/ui/format";
import { formatIsoDate } from "@/lib/applications/format";
import { BillRentBasis, NextRent } from "@/components/rent-standards/bill-rent-basis";
import type { LeaseStatus } from "@/lib/generated/prisma/client";
import { formatDm2, formatFen } from "@/lib/money/format";
import { hundredthsText } from "@/lib/rules/money";
import type { Statement } from "@/lib/tenancy/account";
import { leaseSections } from "@/lib/tenancy/lease-terms";
import type { LeaseView } from "@/lib/tenancy/leases";
import { LEASE_LIST_STATUSES } from "@/lib/tenancy/schemas";
import { CounterPayment, Countersign, DraftLease, PaperSignature, PayOnline, SignLease, TestCashier } from "./tenancy-forms";

// Leases, bills and payments (Art. 25-29): the tenant's card and pages, the test provider's
// cashier, and the officers' list and lease page.

const STATUS_TONE: Record<LeaseStatus, BadgeTone> = {
  PENDING_SIGNATURE: "warning",
  AWAITING_COUNTERSIGNATURE: "info",
  ACTIVE: "success",
  HOLDING_OVER: "danger",
  ENDED: "neutral",
  TERMINATED: "neutral",
  LAPSED: "neutral",
};

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

/** Yuan as a form's default value: "1200.00". */
function yuanText(fen: number): string {
  return hundredthsText(fen);
}

export async function LeaseStatusBadge({ status }: { status: LeaseStatus }) {
  const t = await getTranslations("tenancy.leaseStatus");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

/** The tenant's home card: the lease and its end date, what is owed and the next bill, pay now. */
export async function TenantLeaseCard({ lease, statement, nextBill }: { lease: LeaseView; statement: Statement | null; nextBill: { periodStart: string; dueDate: string; amountFen: number; issued: boolean } | null }) {
  const t = await getTranslations("tenancy.home");
  const l = await lang();
  const locale = await getLocale();
  const href = `/me/lease/${lease.leaseNo}`;
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-4" data-testid="tenant-lease" data-status={lease.status}>
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          {lease.unit.label}
          <LeaseStatusBadge status={lease.status} />
        </p>
        {lease.status === "PENDING_SIGNATURE" && lease.signDueDate ? <Alert tone="warning">{t("signBy", { date: formatIsoDate(lease.signDueDate, l) })}</Alert> : null}
        {lease.status === "AWAITING_COUNTERSIGNATURE" ? <Alert tone="info">{t("awaitingCountersign")}</Alert> : null}
        <Facts
          items={[
            { label: t("leaseNo"), value: lease.leaseNo },
            { label: t("term"), value: t("termValue", { start: formatIsoDate(lease.startDate, l), end: formatIsoDate(lease.endDate, l) }) },
            { label: t("rent"), value: <>{t("yuan", { amount: formatFen(lease.monthlyRentFen, locale) })}<NextRent lease={lease} /></> },
            ...(statement
              ? [
                  { label: t("owed"), value: <span data-testid="amount-owed">{t("yuan", { amount: formatFen(statement.due.totalFen, locale) })}</span> },
                  ...(nextBill ? [{ label: t("nextBill"), value: t(nextBill.issued ? "nextBillIssued" : "nextBillComing", { amount: formatFen(nextBill.amountFen, locale), date: formatIsoDate(nextBill.dueDate, l) }) }] : []),
                ]
              : []),
          ]}
        />
        <p className="flex flex-wrap gap-4">
          <Link href={href} className="font-medium text-brand-700 underline">{lease.status === "PENDING_SIGNATURE" ? t("readAndSign") : t("open")}</Link>
        </p>
      </div>
    </Card>
  );
}

/** Bills with what was paid on each and the late fees (Art. 29), newest first. */
async function StatementTable({ statement, limit }: { statement: Statement; limit?: number }) {
  const t = await getTranslations("tenancy.statement");
  const statuses = await getTranslations("tenancy.billStatus");
  const kinds = await getTranslations("tenancy.billKind");
  const locale = await getLocale();
  const l = await lang();
  const rows = [...statement.bills].reverse().slice(0, limit ?? statement.bills.length);
  if (rows.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="statement">
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("period")}</th>
            <th className="py-2 pr-3 font-medium">{t("due")}</th>
            <th className="py-2 pr-3 text-right font-medium">{t("amount")}</th>
            <th className="py-2 pr-3 text-right font-medium">{t("paid")}</th>
            <th className="py-2 pr-3 text-right font-medium">{t("lateFee")}</th>
            <th className="py-2 font-medium">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id} className="border-b border-slate-200" data-testid="bill-row" data-status={b.status} data-period={b.periodStart}>
              <td className="py-2 pr-3">
                {formatIsoDate(b.periodStart, l)} – {formatIsoDate(b.periodEnd, l)}
                <span className="block text-xs text-slate-600">
                  {kinds(b.kind)}
                </span>
                <BillRentBasis bill={b} />
              </td>
              <td className="py-2 pr-3">{formatIsoDate(b.dueDate, l)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatFen(b.amountFen, locale)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatFen(b.paidFen, locale)}</td>
              <td className="py-2 pr-3 text-right tabular-nums" data-testid="bill-late-fee">
                {b.lateFeesFen + b.runningLateFeeFen > 0 ? formatFen(b.lateFeesFen + b.runningLateFeeFen, locale) : "—"}
                {b.runningLateFeeFen > 0 ? <span className="block text-xs text-amber-800">{t("running")}</span> : null}
              </td>
              <td className="py-2">
                <Badge tone={b.status === "PAID" ? "success" : b.overdue ? "danger" : "warning"}>{b.overdue ? t("overdue") : statuses(b.status)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function Receipts({ statement }: { statement: Statement }) {
  const t = await getTranslations("tenancy.statement");
  const methods = await getTranslations("tenancy.paymentMethod");
  const format = await getFormatter();
  const locale = await getLocale();
  if (statement.receipts.length === 0) return <EmptyState title={t("noReceipts")} />;
  return (
    <ul className="flex flex-col divide-y divide-slate-200" data-testid="receipts">
      {statement.receipts.map((r) => (
        <li key={r.receiptNo} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <span className="font-medium text-slate-900">{t("yuan", { amount: formatFen(r.amountFen, locale) })}</span>
            <span className="block text-sm text-slate-700">
              {methods(r.method)} · {format.dateTime(r.paidAt, { dateStyle: "medium", timeStyle: "short" })} · {r.receiptNo}
            </span>
          </span>
          <a href={`/api/receipts/${r.receiptNo}/pdf`} className="text-sm font-medium text-brand-700 underline">{t("receiptPdf")}</a>
        </li>
      ))}
    </ul>
  );
}

/** The ten parts of the lease (Art. 26) as the contract states them. */
async function LeaseText({ lease }: { lease: LeaseView }) {
  if (!lease.terms) return null;
  return (
    <div className="flex flex-col gap-4 text-slate-800" data-testid="lease-text">
      {leaseSections(lease.terms).map((s) => (
        <section key={s.heading}>
          <h3 className="font-semibold text-slate-900">{s.heading}</h3>
          {s.paragraphs.map((p, i) => (
            <p key={i} className="mt-1 leading-relaxed">{p}</p>
          ))}
        </section>
      ))}
    </div>
  );
}

async function LeaseFacts({ lease }: { lease: LeaseView }) {
  const t = await getTranslations("tenancy.lease");
  const bases = await getTranslations("tenancy.rentBasis");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const l = await lang();
  const at = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("notYet"));
  return (
    <Facts
      items={[
        { label: t("leaseNo"), value: lease.leaseNo },
        { label: t("unit"), value: `${lease.unit.label}（${stock(`unitType.${lease.unit.unitType}`)}，${formatDm2(lease.unit.floorAreaDm2, locale)}㎡）` },
        { label: t("term"), value: t("termValue", { start: formatIsoDate(lease.startDate, l), end: formatIsoDate(lease.endDate, l), months: lease.termMonths }) },
        { label: t("rent"), value: <>{t("yuan", { amount: formatFen(lease.monthlyRentFen, locale) })}<NextRent lease={lease} /></> },
        { label: t("basis"), value: bases(lease.rentBasis) },
        { label: t("signedAt"), value: lease.signedAt && lease.signatureWitnessedBy ? t("signedInPerson", { at: at(lease.signedAt), name: lease.signatureWitnessedBy }) : at(lease.signedAt) },
        { label: t("countersignedAt"), value: lease.countersignedAt ? (lease.countersignedBy ? t("countersignedBy", { at: at(lease.countersignedAt), name: lease.countersignedBy }) : at(lease.countersignedAt)) : t("notYet") },
      ]}
    />
  );
}

/** The tenant's lease: sign it, read it, download it; the account, pay now, receipts. */
export async function TenantLeasePage({ lease, statement, paid, panels }: { lease: LeaseView; statement: Statement | null; paid: boolean; panels?: ReactNode }) {
  const t = await getTranslations("tenancy.lease");
  const locale = await getLocale();
  const l = await lang();
  const payable = statement && statement.due.totalFen > 0 && (lease.status === "ACTIVE" || lease.status === "HOLDING_OVER");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/me" className="text-brand-700 underline-offset-2 hover:underline">← {t("back")}</Link>
      </p>
      <PageHeader title={t("title")} description={<p className="flex flex-wrap items-center gap-2">{lease.unit.label} <LeaseStatusBadge status={lease.status} /></p>} />
      {paid ? <Alert tone="success" className="mb-4">{t("paidNotice")}</Alert> : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {panels}
          {lease.status === "PENDING_SIGNATURE" ? (
            <Card title={t("sign.title")}>
              <div className="flex flex-col gap-4">
                {lease.signDueDate ? <Alert tone="warning">{t("sign.dueBy", { date: formatIsoDate(lease.signDueDate, l) })}</Alert> : null}
                <LeaseText lease={lease} />
                <ClientMessages namespaces={["tenancy.lease", "tenancy.validation"]}>
                  <SignLease leaseId={lease.id} leaseNo={lease.leaseNo} />
                </ClientMessages>
              </div>
            </Card>
          ) : null}
          {statement ? (
            <Card title={t("account")}>
              <div className="flex flex-col gap-4">
                <p className="text-slate-900" data-testid="amount-due">
                  {t("due", { amount: formatFen(statement.due.totalFen, locale) })}
                  {statement.due.lateFeesFen > 0 ? <span className="block text-sm text-amber-800">{t("dueLateFees", { amount: formatFen(statement.due.lateFeesFen, locale) })}</span> : null}
                </p>
                {statement.creditFen > 0 ? (
                  <p className="text-sm text-green-800" data-testid="credit">
                    {t("credit", { amount: formatFen(statement.creditFen, locale) })}
                  </p>
                ) : null}
                {payable ? (
                  <ClientMessages namespaces={["tenancy.pay", "tenancy.validation"]}>
                    <PayOnline leaseId={lease.id} dueYuan={yuanText(statement.due.totalFen)} />
                  </ClientMessages>
                ) : null}
                <p className="text-sm text-slate-700">{t("order")}</p>
                <StatementTable statement={statement} />
              </div>
            </Card>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("facts")}>
            <LeaseFacts lease={lease} />
            <p className="mt-4">
              <a href={`/api/leases/${lease.leaseNo}/pdf`} className="font-medium text-brand-700 underline" data-testid="lease-pdf">{t("pdf")}</a>
            </p>
          </Card>
          {statement ? (
            <Card title={t("receipts")}>
              <Receipts statement={statement} />
            </Card>
          ) : null}
          {lease.status !== "PENDING_SIGNATURE" ? (
            <Card title={t("text")}>
              <details>
                <summary className="cursor-pointer text-brand-700">{t("showText")}</summary>
                <div className="mt-3">
                  <LeaseText lease={lease} />
                </div>
              </details>
            </Card>
          ) : null}
        </div>
      </div>
    </Container>
  );
}

/** The test provider's cashier page (it stands in for a bank's or platform's gateway). */
export async function CashierPage({ order }: { order: { orderNo: string; amountFen: number; status: string; providerPaymentId: string | null; lease: { leaseNo: string; unit: { estate: { name: string } } }; receipt: { receiptNo: string } | null } }) {
  const t = await getTranslations("tenancy.cashier");
  const locale = await getLocale();
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      <Card>
        <div className="flex flex-col gap-4" data-testid="cashier" data-status={order.status}>
          <Facts
            items={[
              { label: t("orderNo"), value: <span data-testid="order-no">{order.orderNo}</span> },
              { label: t("payee"), value: order.lease.unit.estate.name },
              { label: t("lease"), value: order.lease.leaseNo },
              { label: t("amount"), value: <span data-testid="order-amount" data-fen={order.amountFen}>{t("yuan", { amount: formatFen(order.amountFen, locale) })}</span> },
            ]}
          />
          {order.status === "PENDING" && order.providerPaymentId ? (
            <ClientMessages namespaces={["tenancy.cashier"]}>
              <TestCashier paymentId={order.providerPaymentId} leaseNo={order.lease.leaseNo} />
            </ClientMessages>
          ) : (
            <Alert tone={order.status === "PAID" ? "success" : "info"}>{t(`done.${order.status === "PAID" ? "PAID" : "OTHER"}`)}</Alert>
          )}
        </div>
      </Card>
    </Container>
  );
}

type LeaseList = { rows: LeaseView[]; total: number; page: number; pageCount: number };
type AwaitingOffer = { offerId: string; applicationNo: string; tenantName: string | null; householdSize: number; unitLabel: string; unitType: string; floorAreaDm2: number; acceptedAt: Date | null };

/** The officers' leases: offers to draw up, and the leases searched and filtered by status. */
export async function StaffLeasesPage({ list, awaiting, query, today, canDraft }: { list: LeaseList; awaiting: AwaitingOffer[]; query: { q?: string; status?: string }; today: string; canDraft: boolean }) {
  const t = await getTranslations("tenancy.staff");
  const statuses = await getTranslations("tenancy.leaseStatus");
  const stock = await getTranslations("stock");
  const locale = await getLocale();
  const l = await lang();
  return (
    <Container>
      <PageHeader title={t("list.title")} description={<p>{t("list.intro")}</p>} />
      {canDraft ? (
        <Card title={t("awaiting.title")} className="mb-6">
          {awaiting.length === 0 ? (
            <EmptyState title={t("awaiting.empty")} />
          ) : (
            <ClientMessages namespaces={["tenancy.staff", "tenancy.validation"]}>
              <ul className="flex flex-col gap-4" data-testid="awaiting-lease">
                {awaiting.map((o) => (
                  <li key={o.offerId} className="rounded-lg border border-slate-200 p-4">
                    <p className="font-medium text-slate-900">{o.unitLabel}（{stock(`unitType.${o.unitType as "STUDIO"}`)}，{formatDm2(o.floorAreaDm2, locale)}㎡）</p>
                    <p className="mb-3 text-sm text-slate-700">{t("awaiting.household", { name: o.tenantName ?? "—", size: o.householdSize, no: o.applicationNo })}</p>
                    <DraftLease offerId={o.offerId} today={today} label={o.unitLabel} />
                  </li>
                ))}
              </ul>
            </ClientMessages>
          )}
        </Card>
      ) : null}
      <Card title={t("list.leases")}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="flex flex-col text-sm">
            <span className="text-slate-700">{t("list.search")}</span>
            <input name="q" defaultValue={query.q ?? ""} placeholder={t("list.searchHint")} className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-slate-700">{t("list.status")}</span>
            <select name="status" defaultValue={query.status ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              <option value="">{t("list.allStatuses")}</option>
              {LEASE_LIST_STATUSES.map((s) => (
                <option key={s} value={s}>{statuses(s)}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("list.filter")}</button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={query.q || query.status ? t("list.noMatch") : t("list.empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="lease-list">
            {list.rows.map((lease) => (
              <li key={lease.id} className="py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/staff/leases/${lease.leaseNo}`} className="font-medium text-brand-700 underline">{lease.leaseNo}</Link>
                  <LeaseStatusBadge status={lease.status} />
                </p>
                <p className="text-sm text-slate-700">
                  {lease.tenantName ?? "—"} · {lease.unit.label} · {t("list.term", { start: formatIsoDate(lease.startDate, l), end: formatIsoDate(lease.endDate, l) })} · {t("list.rent", { amount: formatFen(lease.monthlyRentFen, locale) })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-600">{t("list.count", { total: list.total })}</p>
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/leases${queryString({ q: query.q, status: query.status, page: p })}`} />
      </Card>
    </Container>
  );
}

/** The officers' lease page: countersign, the account, a counter payment. */
export async function StaffLeasePage({ lease, statement, today, canManage, panels, countersign }: { lease: LeaseView; statement: Statement; today: string; canManage: boolean; panels?: ReactNode; countersign?: ReactNode }) {
  const t = await getTranslations("tenancy.staff");
  const locale = await getLocale();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/leases" className="text-brand-700 underline-offset-2 hover:underline">← {t("list.title")}</Link>
      </p>
      <PageHeader title={lease.leaseNo} description={<p className="flex flex-wrap items-center gap-2">{lease.tenantName ?? "—"} · {lease.unit.label} <LeaseStatusBadge status={lease.status} /></p>} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {countersign !== undefined ? countersign : lease.status === "AWAITING_COUNTERSIGNATURE" && canManage ? (
            <Card title={t("countersign.title")}>
              <p className="mb-3 text-slate-800">{t("countersign.intro")}</p>
              <ClientMessages namespaces={["tenancy.staff"]}>
                <Countersign leaseId={lease.id} leaseNo={lease.leaseNo} />
              </ClientMessages>
            </Card>
          ) : null}
          {lease.status === "PENDING_SIGNATURE" && !lease.hasTenantAccount && canManage ? (
            <Card title={t("paperSign.title")}>
              <p className="mb-3 text-slate-800">{t("paperSign.intro")}</p>
              <ClientMessages namespaces={["tenancy.staff", "tenancy.validation"]}>
                <PaperSignature leaseId={lease.id} leaseNo={lease.leaseNo} />
              </ClientMessages>
            </Card>
          ) : lease.status === "PENDING_SIGNATURE" ? (
            <Alert tone="info">{t("awaitingTenant")}</Alert>
          ) : null}
          <Card title={t("account")}>
            <div className="flex flex-col gap-4">
              <p className="text-slate-900" data-testid="amount-due">{t("due", { amount: formatFen(statement.due.totalFen, locale) })}</p>
              {canManage && statement.due.totalFen > 0 ? (
                <ClientMessages namespaces={["tenancy.staff", "tenancy.validation", "tenancy.paymentMethod"]}>
                  <CounterPayment leaseId={lease.id} today={today} dueYuan={yuanText(statement.due.totalFen)} />
                </ClientMessages>
              ) : null}
              <StatementTable statement={statement} />
            </div>
          </Card>
          {panels}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("facts")}>
            <LeaseFacts lease={lease} />
            <p className="mt-4">
              <a href={`/api/leases/${lease.leaseNo}/pdf`} className="font-medium text-brand-700 underline">{t("pdf")}</a>
            </p>
          </Card>
          <Card title={t("receipts")}>
            <Receipts statement={statement} />
          </Card>
        </div>
      </div>
    </Container>
  );
}
