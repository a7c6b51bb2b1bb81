import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { getLocale, getTranslations } from "next-intl/server";
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
import { todayCST } from "@/lib/clock";
import type { RequestStatus, UnitType } from "@/lib/generated/prisma/client";
import { UNIT_TYPES } from "@/lib/rules/unit-type";
import { EXCHANGE_REASONS, EXCHANGE_STATUSES, TENANT_EXCHANGE_REASONS, type ExchangeListQuery } from "@/lib/tenancy/exchange-schemas";
import type { ExchangeView, LeaseExchanges, StaffExchangeView } from "@/lib/tenancy/exchanges";
import { CountersignExchange, DecideExchange, OfferFromExchangeList, OpenMandatoryExchange, RequestExchange, WithdrawExchange } from "./exchange-forms";

// Exchanges (Art. 33): the tenant's card on the lease page, the officers' panel on the lease page,
// their list and request page, the offer from the exchange list on a vacant unit's page, and the
// countersignature of an exchange lease with the old unit's check. The tenant's card is given
// ExchangeViews, which have no internal note in them.

const TONE: Record<RequestStatus, BadgeTone> = { SUBMITTED: "info", UNDER_REVIEW: "info", APPROVED: "warning", REJECTED: "danger", WITHDRAWN: "neutral", COMPLETED: "success" };
// Not the whole namespace: its errors (translated on the server) hold ICU selects the client cannot take.
const NAMESPACES = ["exchanges.form", "exchanges.withdraw", "exchanges.staff", "exchanges.validation"];

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

/** One request as both sides read it; `staff` adds the links and the internal note. */
async function RequestRow({ r, staff, withdraw, detailHref }: { r: ExchangeView & Partial<Pick<StaffExchangeView, "internalNote">>; staff: boolean; withdraw?: boolean; detailHref?: string }) {
  const t = await getTranslations("exchanges");
  const stock = await getTranslations("stock");
  const l = await lang();
  const type = (u: UnitType) => stock(`unitType.${u}`);
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm text-slate-800" data-testid="exchange-request" data-status={r.status}>
      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
        {t("requested", { date: formatIsoDate(todayCST(r.submittedAt), l), type: type(r.requestedUnitType) })}
        <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
        {r.isMandatory ? <Badge tone="warning">{t("mandatory")}</Badge> : null}
      </p>
      <p className="mt-1 text-slate-700">
        {t(`reasonShort.${r.reason}`)}
        {r.addedMembers ? ` · ${t("staff.addedValue", { count: r.addedMembers })}` : null}
      </p>
      {r.description ? <p className="mt-1 whitespace-pre-line break-words">{r.description}</p> : null}
      {r.decisionReason ? <p className="mt-1 break-words">{t("decision", { reason: r.decisionReason })}</p> : null}
      {staff && r.internalNote ? <p className="mt-1 break-words text-slate-600">{t("staff.internalNote", { note: r.internalNote })}</p> : null}
      {r.list && r.status === "APPROVED" ? (
        <p className="mt-2 font-medium text-slate-900" data-testid="exchange-position">
          {r.list.position !== null
            ? t("onList", { estate: r.list.estateName, type: type(r.list.unitType), position: r.list.position, length: r.list.length })
            : t("onListOffered", { estate: r.list.estateName, type: type(r.list.unitType) })}
        </p>
      ) : null}
      {r.offer && r.offer.status === "PENDING" ? (
        <Alert tone="warning">
          {t("offered", { unit: r.offer.unitLabel, date: formatIsoDate(r.offer.responseDueDate, l) })}{" "}
          {staff ? null : <Link href="/me" className="underline">{t("offerLink")}</Link>}
        </Alert>
      ) : null}
      {r.offer && r.offer.status === "ACCEPTED" && !r.newLease ? <p className="mt-2">{t("offerAccepted", { unit: r.offer.unitLabel })}</p> : null}
      {r.newLease ? (
        <p className="mt-2">
          <Link href={staff ? `/staff/leases/${r.newLease.leaseNo}` : `/me/lease/${r.newLease.leaseNo}`} className="font-medium text-brand-700 underline">
            {staff || r.newLease.status !== "PENDING_SIGNATURE" ? t("newLeaseStaff", { leaseNo: r.newLease.leaseNo }) : t("newLease", { leaseNo: r.newLease.leaseNo })}
          </Link>
        </p>
      ) : null}
      {detailHref ? (
        <p className="mt-2">
          <Link href={detailHref} className="text-brand-700 underline">{t("staff.openDetail")}</Link>
        </p>
      ) : null}
      {withdraw ? (
        <div className="mt-3">
          <ClientMessages namespaces={NAMESPACES}>
            <WithdrawExchange requestId={r.id} />
          </ClientMessages>
        </div>
      ) : null}
    </li>
  );
}

function withdrawable(r: ExchangeView): boolean {
  if (r.isMandatory) return false;
  if (r.status === "SUBMITTED" || r.status === "UNDER_REVIEW") return true;
  return r.status === "APPROVED" && r.list?.status === "WAITING";
}

/** The tenant's exchange card on the lease page. */
export async function TenantExchangeCard({ leaseId, exchanges }: { leaseId: string; exchanges: LeaseExchanges }) {
  const t = await getTranslations("exchanges");
  const stock = await getTranslations("stock");
  const mandatory = exchanges.requests.some((r) => r.isMandatory && r.status === "APPROVED");
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-3" data-testid="exchange">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {exchanges.living ? <p className="text-sm text-slate-900">{t("current", { type: stock(`unitType.${exchanges.unitType}`), size: exchanges.householdSize })}</p> : null}
        {mandatory ? <Alert tone="warning">{t("mandatoryNotice")}</Alert> : null}
        {exchanges.requests.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {exchanges.requests.map((r) => <RequestRow key={r.id} r={r} staff={false} withdraw={withdrawable(r)} />)}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("none")}</p>
        )}
        {exchanges.canRequest ? (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-700">{t("new")}</summary>
            <div className="mt-3">
              <ClientMessages namespaces={NAMESPACES}>
                <RequestExchange
                  leaseId={leaseId}
                  unitTypes={UNIT_TYPES.map((u) => ({ value: u, label: stock(`unitType.${u}`) }))}
                  reasons={TENANT_EXCHANGE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
                />
              </ClientMessages>
            </div>
          </details>
        ) : null}
      </div>
    </Card>
  );
}

/** The officers' panel on the lease page: the requests, a link to decide, and the mandatory exchange when due. */
export async function StaffExchangePanel({ leaseId, requests, canManage, mandatoryDue }: { leaseId: string; requests: StaffExchangeView[]; canManage: boolean; mandatoryDue: boolean }) {
  const t = await getTranslations("exchanges");
  return (
    <Card title={t("staff.panelTitle")}>
      <div className="flex flex-col gap-3" data-testid="exchange-panel">
        {requests.length === 0 ? <p className="text-slate-700">{t("none")}</p> : (
          <ul className="flex flex-col gap-2">
            {requests.map((r) => (
              <RequestRow key={r.id} r={r} staff detailHref={r.status === "SUBMITTED" || r.status === "UNDER_REVIEW" ? `/staff/exchanges/${r.id}` : undefined} />
            ))}
          </ul>
        )}
        {canManage && mandatoryDue ? (
          <section className="flex flex-col gap-2 rounded-md border border-amber-300 p-3">
            <h3 className="font-semibold text-slate-900">{t("staff.mandatory.title")}</h3>
            <p className="text-sm text-slate-700">{t("staff.mandatory.intro")}</p>
            <ClientMessages namespaces={NAMESPACES}>
              <OpenMandatoryExchange leaseId={leaseId} />
            </ClientMessages>
          </section>
        ) : null}
      </div>
    </Card>
  );
}

type ExchangeList = { rows: StaffExchangeView[]; total: number; page: number; pageCount: number };

/** The officers' list of exchange requests, with filters and pages. */
export async function StaffExchangesPage({ list, query }: { list: ExchangeList; query: ExchangeListQuery }) {
  const t = await getTranslations("exchanges");
  const stock = await getTranslations("stock");
  const l = await lang();
  const filtered = Boolean(query.q || query.status || query.reason || query.mandatory);
  return (
    <Container>
      <PageHeader title={t("staff.title")} description={<p>{t("staff.intro")}</p>} />
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-0 flex-col text-sm">
            <span className="text-slate-700">{t("staff.search")}</span>
            <input name="q" defaultValue={query.q ?? ""} placeholder={t("staff.searchHint")} className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <FilterSelect name="status" label={t("staff.status")} value={query.status} allLabel={t("staff.allStatuses")} options={EXCHANGE_STATUSES.filter((s) => s !== "UNDER_REVIEW").map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <FilterSelect name="reason" label={t("staff.reason")} value={query.reason} allLabel={t("staff.allReasons")} options={EXCHANGE_REASONS.map((r) => ({ value: r, label: t(`reasonShort.${r}`) }))} />
          <label className="flex items-center gap-2 py-2 text-sm">
            <input type="checkbox" name="mandatory" value="1" defaultChecked={query.mandatory === "1"} className="size-5 accent-brand-700" />
            <span className="text-slate-800">{t("staff.mandatoryOnly")}</span>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("staff.filter")}</button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? t("staff.noMatch") : t("staff.empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="exchange-list">
            {list.rows.map((r) => (
              <li key={r.id} className="py-3" data-testid="exchange-row" data-status={r.status}>
                <Link href={`/staff/exchanges/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {r.tenantName ?? "—"} · {r.unitLabel}
                </Link>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {r.leaseNo} · {t(`reasonShort.${r.reason}`)} · {stock(`unitType.${r.unitType}`)} → {stock(`unitType.${r.requestedUnitType}`)} · {formatIsoDate(todayCST(r.submittedAt), l)}
                  <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                  {r.isMandatory ? <Badge tone="warning">{t("mandatory")}</Badge> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-600">{t("staff.count", { total: list.total })}</p>
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/exchanges${queryString({ q: query.q, status: query.status, reason: query.reason, mandatory: query.mandatory, page: p })}`} />
      </Card>
    </Container>
  );
}

/** One request for the officers: the facts, the decision with the choice of exchange list. */
export async function StaffExchangePage({ request, canManage, estates }: { request: StaffExchangeView; canManage: boolean; estates: Array<{ id: string; name: string }> }) {
  const t = await getTranslations("exchanges");
  const stock = await getTranslations("stock");
  const l = await lang();
  const open = request.status === "SUBMITTED" || request.status === "UNDER_REVIEW";
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/exchanges" className="text-brand-700 underline-offset-2 hover:underline">← {t("staff.back")}</Link>
      </p>
      <PageHeader
        title={`${t("title")} · ${request.tenantName ?? "—"}`}
        description={<p className="flex flex-wrap items-center gap-2" data-testid="exchange-status" data-status={request.status}>{request.unitLabel} <Badge tone={TONE[request.status]}>{t(`status.${request.status}`)}</Badge></p>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("staff.panelTitle")}>
            <ul className="flex flex-col gap-2">
              <RequestRow r={request} staff />
            </ul>
          </Card>
          {canManage && open ? (
            <Card title={t("staff.decide.title")}>
              <ClientMessages namespaces={NAMESPACES}>
                <DecideExchange
                  requestId={request.id}
                  estates={estates.map((e) => ({ value: e.id, label: e.name }))}
                  defaultEstateId={request.estateId}
                  typeLabel={stock(`unitType.${request.requestedUnitType}`)}
                />
              </ClientMessages>
            </Card>
          ) : null}
        </div>
        <Card title={t("staff.lease")}>
          <Facts
            items={[
              { label: t("staff.lease"), value: <Link href={`/staff/leases/${request.leaseNo}`} className="text-brand-700 underline">{request.leaseNo}</Link> },
              { label: t("staff.tenant"), value: `${request.tenantName ?? "—"} · ${request.applicationNo}` },
              { label: t("staff.unit"), value: `${request.unitLabel} · ${stock(`unitType.${request.unitType}`)}` },
              { label: t("staff.household"), value: t("staff.householdValue", { size: request.householdSize }) },
              { label: t("staff.asked"), value: stock(`unitType.${request.requestedUnitType}`) },
              { label: t("staff.submittedAt"), value: formatIsoDate(todayCST(request.submittedAt), l) },
              ...(request.decidedBy ? [{ label: t("staff.decidedBy"), value: request.decidedBy }] : []),
            ]}
          />
        </Card>
      </div>
    </Container>
  );
}

/** On a vacant unit's page: offer it to the head of its estate's exchange list instead (Art. 33). */
export async function UnitExchangeOffer({ unitId, unitLabel, head }: { unitId: string; unitLabel: string; head: { applicationNo: string; listLength: number } | null }) {
  const t = await getTranslations("exchanges");
  return (
    <Card title={t("staff.offer.title")} id="exchange-list-offer">
      {head ? (
        <>
          <p className="mb-4 text-sm text-slate-700">{t("staff.offer.intro", { applicationNo: head.applicationNo, length: head.listLength })}</p>
          <ClientMessages namespaces={NAMESPACES}>
            <OfferFromExchangeList unitId={unitId} unitLabel={unitLabel} head={head.applicationNo} />
          </ClientMessages>
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("staff.offer.empty")}</p>
      )}
    </Card>
  );
}

/** On an exchange lease signed by the tenant: the countersignature with the old unit's move-out check. */
export async function ExchangeCountersignCard({ leaseId, leaseNo, replaced, today }: { leaseId: string; leaseNo: string; replaced: { leaseNo: string; unitLabel: string }; today: string }) {
  const t = await getTranslations("exchanges");
  return (
    <Card title={t("staff.countersign.title")}>
      <p className="mb-3 text-slate-800">{t("staff.countersign.intro", { leaseNo: replaced.leaseNo, unit: replaced.unitLabel })}</p>
      <ClientMessages namespaces={NAMESPACES}>
        <CountersignExchange leaseId={leaseId} leaseNo={leaseNo} today={today} />
      </ClientMessages>
    </Card>
  );
}
