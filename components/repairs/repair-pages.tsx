import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
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
import type { Actor } from "@/lib/auth/permissions";
import type { RepairStatus } from "@/lib/generated/prisma/client";
import { listMyRepairs, repairableLeaseOf, type RepairView, type StaffRepairView } from "@/lib/repairs/repairs";
import { MAX_REPAIR_PHOTOS, REPAIR_CATEGORY_VALUES, REPAIR_STATUS_VALUES, type RepairListQuery } from "@/lib/repairs/schemas";
import { AssignRepair, CancelRepair, CompleteRepair, ConfirmRepair, NewRepair, StartRepair } from "./repair-forms";

// Repair requests (Art. 35): the tenant's card, list and request pages, and the officers' list and
// request page. The tenant's pages are given a RepairView, which has no officer's note in it.

const STATUS_TONE: Record<RepairStatus, BadgeTone> = {
  OPEN: "warning",
  ASSIGNED: "info",
  IN_PROGRESS: "info",
  COMPLETED: "success",
  CLOSED: "neutral",
  CANCELLED: "neutral",
};

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

export async function RepairStatusBadge({ repair }: { repair: Pick<RepairView, "status" | "isOverdue"> }) {
  const t = await getTranslations("repairs");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[repair.status]}>{t(`status.${repair.status}`)}</Badge>
      {repair.isOverdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
    </span>
  );
}

/** The tenant's home card: how many repairs are under way, and the way in (shown to tenants only). */
export async function MyRepairsCard({ user }: { user: Actor }) {
  const [lease, repairs] = await Promise.all([repairableLeaseOf(user), listMyRepairs(user, { take: 20 })]);
  if (!lease && repairs.length === 0) return null;
  const t = await getTranslations("repairs.home");
  const open = repairs.filter((r) => r.status !== "CLOSED" && r.status !== "CANCELLED").length;
  return (
    // Apart from the lease card above it and the applications below, which set no margin of their own.
    <Card title={t("title")} className="my-6">
      <div className="flex flex-col gap-3" data-testid="tenant-repairs">
        <p className="text-slate-700">{t("intro")}</p>
        <p className="font-medium text-slate-900">{t("open", { count: open })}</p>
        <p>
          <Link href="/me/repairs" className="font-medium text-brand-700 underline">{t("link")}</Link>
        </p>
      </div>
    </Card>
  );
}

/** One request in a list: number, status, category, the home, when reported and by when due. */
async function RepairRow({ repair, href, staff }: { repair: RepairView; href: string; staff: boolean }) {
  const t = await getTranslations("repairs");
  const format = await getFormatter();
  const l = await lang();
  const at = format.dateTime(repair.reportedAt, { dateStyle: "medium", timeStyle: "short" });
  const due = repair.dueDate ? formatIsoDate(repair.dueDate, l) : "—";
  return (
    <li className={`min-w-0 py-3 ${repair.isOverdue ? "border-l-4 border-red-600 pl-3" : ""}`} data-testid="repair-row" data-status={repair.status} data-overdue={repair.isOverdue ? "1" : undefined}>
      <p className="flex flex-wrap items-center gap-2">
        <Link href={href} className="font-medium text-brand-700 underline">{repair.requestNo}</Link>
        <RepairStatusBadge repair={repair} />
        {repair.urgency === "EMERGENCY" ? <Badge tone="danger">{t("urgency.EMERGENCY")}</Badge> : null}
      </p>
      <p className="text-sm text-slate-800">{t(`categoryShort.${repair.category}`)} · {repair.description.length > 60 ? `${repair.description.slice(0, 60)}…` : repair.description}</p>
      <p className="text-sm text-slate-600">
        {staff ? t("staff.row", { tenant: repair.tenantName ?? "—", unit: repair.unitLabel, at, due }) : `${t("mine.reportedAt", { at })} · ${t("mine.dueDate", { date: due })}`}
      </p>
    </li>
  );
}

/** The tenant's repairs: a new request (phone first), then the list. */
export async function MyRepairsPage({ repairs, canFile, pendingPhotos }: { repairs: RepairView[]; canFile: boolean; pendingPhotos: { id: string; fileName: string; sizeBytes: number }[] }) {
  const t = await getTranslations("repairs");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/me" className="text-brand-700 underline-offset-2 hover:underline">← {t("mine.back")}</Link>
      </p>
      <PageHeader title={t("mine.title")} description={<p>{t("mine.intro")}</p>} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("form.title")}>
            {canFile ? (
              <div className="flex min-w-0 flex-col gap-4">
                <p className="text-sm text-slate-700">{t("article")}</p>
                <ClientMessages namespaces={["repairs.form", "repairs.category", "repairs.urgency", "repairs.validation"]}>
                  <NewRepair pendingPhotos={pendingPhotos} maxPhotos={MAX_REPAIR_PHOTOS} />
                </ClientMessages>
              </div>
            ) : (
              <Alert tone="info">{t("mine.noLease")}</Alert>
            )}
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("mine.list")}>
            {repairs.length === 0 ? (
              <EmptyState title={t("mine.empty")} />
            ) : (
              <ul className="flex flex-col divide-y divide-slate-200" data-testid="my-repairs">
                {repairs.map((r) => (
                  <RepairRow key={r.id} repair={r} href={`/me/repairs/${r.requestNo}`} staff={false} />
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </Container>
  );
}

/** The steps so far, from the request's own times (never the officers' note). */
async function Timeline({ repair }: { repair: RepairView }) {
  const t = await getTranslations("repairs.detail");
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const steps: { key: string; label: string; at: Date }[] = [{ key: "reported", label: repair.fromInspection ? t("step.raised") : t("step.reported"), at: repair.reportedAt }];
  if (repair.assignedAt) steps.push({ key: "assigned", label: t("step.assigned", { assignee: repair.assignee ?? "—" }), at: repair.assignedAt });
  if (repair.startedAt) steps.push({ key: "started", label: t("step.started"), at: repair.startedAt });
  if (repair.completedAt) steps.push({ key: "completed", label: t("step.completed"), at: repair.completedAt });
  if (repair.tenantConfirmedAt) steps.push({ key: "confirmed", label: t("step.confirmed"), at: repair.tenantConfirmedAt });
  else if (repair.closedAt) steps.push({ key: "autoClosed", label: t("step.autoClosed"), at: repair.closedAt });
  if (repair.cancelledAt) steps.push({ key: "cancelled", label: t("step.cancelled"), at: repair.cancelledAt });
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-brand-200 pl-4" data-testid="repair-timeline">
      {steps.map((s) => (
        <li key={s.key} data-step={s.key} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-brand-600" />
          <p className="font-medium text-slate-900">{s.label}</p>
          <p className="text-sm text-slate-600">{at(s.at)}</p>
        </li>
      ))}
    </ol>
  );
}

async function RepairFacts({ repair, staff }: { repair: RepairView | StaffRepairView; staff?: boolean }) {
  const t = await getTranslations("repairs");
  const l = await lang();
  const s = repair as StaffRepairView;
  return (
    <Facts
      items={[
        { label: t("detail.requestNo"), value: repair.requestNo },
        { label: t("detail.unit"), value: repair.unitLabel },
        ...(staff ? [{ label: t("staff.tenant"), value: repair.tenantName ?? "—" }, { label: t("staff.lease"), value: repair.leaseNo ? <Link href={`/staff/leases/${repair.leaseNo}`} className="text-brand-700 underline">{repair.leaseNo}</Link> : "—" }] : []),
        { label: t("detail.category"), value: t(`category.${repair.category}`) },
        { label: t("detail.urgency"), value: t(`urgency.${repair.urgency}`) },
        { label: t("detail.responsibility"), value: t(`responsibility.${repair.responsibility}`) },
        { label: t("detail.dueDate"), value: <span className={repair.isOverdue ? "font-medium text-red-700" : undefined}>{repair.dueDate ? formatIsoDate(repair.dueDate, l) : "—"}{repair.isOverdue ? `（${t("overdue")}）` : ""}</span> },
        { label: t("detail.preferredVisit"), value: repair.preferredVisit ?? "—" },
        { label: t("detail.assignee"), value: repair.assignee ?? "—" },
        ...(staff ? [{ label: t("staff.assignedBy"), value: s.assignedBy ?? "—" }, { label: t("staff.completedBy"), value: s.completedBy ?? "—" }] : []),
      ]}
    />
  );
}

async function Photos({ repair }: { repair: RepairView }) {
  const t = await getTranslations("repairs.detail");
  if (repair.photos.length === 0) return <p className="text-sm text-slate-600">{t("noPhotos")}</p>;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="repair-photos">
      {repair.photos.map((p, i) => (
        <li key={p.id} className="min-w-0">
          <a href={`/api/documents/${p.id}`}>
            <img src={`/api/documents/${p.id}`} alt={t("photoAlt", { n: i + 1 })} className="aspect-square w-full rounded-md border border-slate-200 object-cover" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The tenant's request: the timeline, the photos, and confirm (or cancel before assignment). */
export async function MyRepairPage({ repair, filed }: { repair: RepairView; filed: boolean }) {
  const t = await getTranslations("repairs");
  const l = await lang();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/me/repairs" className="text-brand-700 underline-offset-2 hover:underline">← {t("detail.back")}</Link>
      </p>
      <PageHeader title={t("detail.title", { requestNo: repair.requestNo })} description={<div className="flex flex-wrap items-center gap-2" data-testid="repair-status" data-status={repair.status}>{repair.unitLabel} <RepairStatusBadge repair={repair} /></div>} />
      {filed && repair.status === "OPEN" ? <Alert tone="success" className="mb-4">{t("detail.filed", { requestNo: repair.requestNo })}</Alert> : null}
      {repair.status === "CLOSED" && repair.tenantConfirmedAt ? <Alert tone="success" className="mb-4">{t("detail.done")}</Alert> : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {repair.status === "COMPLETED" ? (
            <Card title={t("detail.confirmCard")}>
              <div className="flex flex-col gap-3">
                <p className="text-slate-800">{t("detail.confirmIntro", { date: repair.autoCloseOn ? formatIsoDate(repair.autoCloseOn, l) : "—" })}</p>
                <p className="rounded-md bg-slate-50 p-3 text-slate-900" data-testid="repair-resolution">{t("detail.resolution")}：{repair.resolution}</p>
                <ClientMessages namespaces={["repairs.detail"]}>
                  <ConfirmRepair requestId={repair.id} requestNo={repair.requestNo} />
                </ClientMessages>
                <p className="text-sm text-slate-600">{t("detail.notFixed")}</p>
              </div>
            </Card>
          ) : null}
          <Card title={t("detail.timeline")}>
            <Timeline repair={repair} />
            {repair.resolution && repair.status !== "COMPLETED" ? <p className="mt-4 text-slate-900">{t("detail.resolution")}：{repair.resolution}</p> : null}
          </Card>
          <Card title={t("detail.description")}>
            <p className="whitespace-pre-wrap break-words text-slate-900">{repair.description}</p>
            <h3 className="mt-4 mb-2 font-semibold text-slate-900">{t("detail.photos")}</h3>
            <Photos repair={repair} />
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("detail.facts")}>
            <RepairFacts repair={repair} />
          </Card>
          {repair.status === "OPEN" && !repair.fromInspection ? (
            <Card title={t("detail.cancelCard")}>
              <p className="mb-3 text-sm text-slate-700">{t("detail.cancelIntro")}</p>
              <ClientMessages namespaces={["repairs.detail", "repairs.validation"]}>
                <CancelRepair requestId={repair.id} requestNo={repair.requestNo} />
              </ClientMessages>
            </Card>
          ) : null}
        </div>
      </div>
    </Container>
  );
}

type RepairList = { rows: RepairView[]; total: number; page: number; pageCount: number };

/** The officers' requests, the most urgent first, searched and filtered. */
export async function StaffRepairsPage({ list, query }: { list: RepairList; query: RepairListQuery }) {
  const t = await getTranslations("repairs");
  const filtered = Boolean(query.q || query.status || query.category || query.overdue);
  return (
    <Container>
      <PageHeader title={t("staff.title")} description={<p>{t("staff.intro")}</p>} />
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-0 flex-col text-sm">
            <span className="text-slate-700">{t("staff.search")}</span>
            <input name="q" defaultValue={query.q ?? ""} placeholder={t("staff.searchHint")} className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
          <FilterSelect name="status" label={t("staff.status")} value={query.status} allLabel={t("staff.allStatuses")} options={REPAIR_STATUS_VALUES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          <FilterSelect name="category" label={t("staff.category")} value={query.category} allLabel={t("staff.allCategories")} options={REPAIR_CATEGORY_VALUES.map((c) => ({ value: c, label: t(`categoryShort.${c}`) }))} />
          <label className="flex items-center gap-2 py-2 text-sm">
            <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === "1"} className="size-5 accent-brand-700" />
            <span className="text-slate-800">{t("staff.overdueOnly")}</span>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("staff.filter")}</button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? t("staff.noMatch") : t("staff.empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="repair-list">
            {list.rows.map((r) => (
              <RepairRow key={r.id} repair={r} href={`/staff/repairs/${r.requestNo}`} staff />
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-600">{t("staff.count", { total: list.total })}</p>
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/repairs${queryString({ q: query.q, status: query.status, category: query.category, overdue: query.overdue, page: p })}`} />
      </Card>
    </Container>
  );
}

/** The officers' request page: assign, start, complete; the note kept for the officers. */
export async function StaffRepairPage({ repair, canManage }: { repair: StaffRepairView; canManage: boolean }) {
  const t = await getTranslations("repairs");
  const waiting = repair.status === "OPEN" || repair.status === "ASSIGNED" || repair.status === "IN_PROGRESS";
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/repairs" className="text-brand-700 underline-offset-2 hover:underline">← {t("staff.back")}</Link>
      </p>
      <PageHeader title={repair.requestNo} description={<div className="flex flex-wrap items-center gap-2" data-testid="repair-status" data-status={repair.status}>{repair.tenantName ?? "—"} · {repair.unitLabel} <RepairStatusBadge repair={repair} /></div>} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {canManage && waiting ? (
            <ClientMessages namespaces={["repairs.staff", "repairs.validation"]}>
              {repair.status === "ASSIGNED" || repair.status === "IN_PROGRESS" ? (
                <Card title={t("staff.complete.title")}>
                  <CompleteRepair requestId={repair.id} requestNo={repair.requestNo} />
                </Card>
              ) : null}
              {repair.status === "ASSIGNED" ? (
                <Card title={t("staff.start.title")}>
                  <p className="mb-3 text-sm text-slate-700">{t("staff.start.intro")}</p>
                  <StartRepair requestId={repair.id} requestNo={repair.requestNo} />
                </Card>
              ) : null}
              {repair.status === "OPEN" || repair.status === "ASSIGNED" ? (
                <Card title={repair.status === "OPEN" ? t("staff.assign.title") : t("staff.assign.reassignTitle")}>
                  <AssignRepair requestId={repair.id} requestNo={repair.requestNo} reassign={repair.status === "ASSIGNED"} />
                </Card>
              ) : null}
            </ClientMessages>
          ) : null}
          <Card title={t("detail.description")}>
            <p className="whitespace-pre-wrap break-words text-slate-900">{repair.description}</p>
            <h3 className="mt-4 mb-2 font-semibold text-slate-900">{t("detail.photos")}</h3>
            <Photos repair={repair} />
          </Card>
          <Card title={t("detail.timeline")}>
            <Timeline repair={repair} />
            {repair.resolution ? <p className="mt-4 text-slate-900">{t("detail.resolution")}：{repair.resolution}</p> : null}
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("staff.facts")}>
            <RepairFacts repair={repair} staff />
          </Card>
          <Card title={t("staff.internalNote")}>
            <p className="whitespace-pre-wrap break-words text-slate-800" data-testid="internal-note">{repair.internalNote ?? t("staff.noNote")}</p>
          </Card>
        </div>
      </div>
    </Container>
  );
}
