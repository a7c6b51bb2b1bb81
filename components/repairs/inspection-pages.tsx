import Link from "next/link";
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
import type { InspectionStatus } from "@/lib/generated/prisma/client";
import { INSPECTION_STATUS_VALUES } from "@/lib/repairs/inspection-schemas";
import type { InspectionView } from "@/lib/repairs/inspections";
import { CancelInspection, RecordInspection, ScheduleInspection } from "./inspection-forms";

// Inspections (Art. 35, 43): the officers' list with the form that schedules one, and the page of
// one inspection where its findings are recorded. Officers' pages only: no tenant sees findings.

const STATUS_TONE: Record<InspectionStatus, BadgeTone> = { SCHEDULED: "warning", DONE: "success", CANCELLED: "neutral" };

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

async function InspectionBadge({ inspection }: { inspection: Pick<InspectionView, "status" | "isLate"> }) {
  const t = await getTranslations("inspections");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS_TONE[inspection.status]}>{t(`status.${inspection.status}`)}</Badge>
      {inspection.isLate ? <Badge tone="danger">{t("late")}</Badge> : null}
    </span>
  );
}

type InspectionList = { rows: InspectionView[]; total: number; page: number; pageCount: number };

export async function StaffInspectionsPage({ list, status, estates, today, canSchedule }: { list: InspectionList; status?: string; estates: { id: string; name: string }[]; today: string; canSchedule: boolean }) {
  const t = await getTranslations("inspections");
  const l = await lang();
  return (
    <Container>
      <PageHeader title={t("list.title")} description={<p>{t("list.intro")}</p>} />
      {canSchedule ? (
        <Card title={t("schedule.title")} className="mb-6">
          {estates.length === 0 ? (
            <EmptyState title={t("schedule.noEstates")} />
          ) : (
            <ClientMessages namespaces={["inspections.schedule", "inspections.method", "inspections.validation"]}>
              <ScheduleInspection estates={estates} today={today} />
            </ClientMessages>
          )}
        </Card>
      ) : null}
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="flex min-w-0 flex-col text-sm">
            <span className="text-slate-700">{t("list.status")}</span>
            <select name="status" defaultValue={status ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              <option value="">{t("list.allStatuses")}</option>
              {INSPECTION_STATUS_VALUES.map((s) => (
                <option key={s} value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("list.filter")}</button>
        </form>
        {list.rows.length === 0 ? (
          <EmptyState title={status ? t("list.noMatch") : t("list.empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="inspection-list">
            {list.rows.map((i) => (
              <li key={i.id} className={`min-w-0 py-3 ${i.isLate ? "border-l-4 border-red-600 pl-3" : ""}`}>
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/staff/inspections/${i.id}`} className="font-medium text-brand-700 underline">{t(`method.${i.method}`)} · {i.place}</Link>
                  <InspectionBadge inspection={i} />
                </p>
                <p className="text-sm text-slate-600">
                  {t("list.row", { date: i.scheduledOn ? formatIsoDate(i.scheduledOn, l) : "—", inspector: i.inspector ?? "—" })}
                  {i.repairs.length > 0 ? ` · ${t("list.repairs", { count: i.repairs.length })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm text-slate-600">{t("list.count", { total: list.total })}</p>
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/inspections${queryString({ status, page: p })}`} />
      </Card>
    </Container>
  );
}

export async function StaffInspectionPage({ inspection, today, canManage, hasHome }: { inspection: InspectionView; today: string; canManage: boolean; hasHome: boolean }) {
  const t = await getTranslations("inspections");
  const repairs = await getTranslations("repairs");
  const format = await getFormatter();
  const l = await lang();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/inspections" className="text-brand-700 underline-offset-2 hover:underline">← {t("detail.back")}</Link>
      </p>
      <PageHeader title={t("detail.title", { method: t(`method.${inspection.method}`), place: inspection.place })} description={<div className="flex flex-wrap items-center gap-2" data-testid="inspection-status" data-status={inspection.status}><InspectionBadge inspection={inspection} /></div>} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {canManage && inspection.status === "SCHEDULED" ? (
            <>
              <Card title={t("record.title")}>
                <ClientMessages namespaces={["inspections.record", "inspections.validation", "repairs.categoryShort"]}>
                  <RecordInspection inspectionId={inspection.id} today={today} hasHome={hasHome} />
                </ClientMessages>
              </Card>
              <Card title={t("cancelStep.title")}>
                <ClientMessages namespaces={["inspections.cancelStep"]}>
                  <CancelInspection inspectionId={inspection.id} />
                </ClientMessages>
              </Card>
            </>
          ) : null}
          {inspection.status === "DONE" ? (
            <Card title={t("detail.findings")}>
              <p className="whitespace-pre-wrap break-words text-slate-900" data-testid="inspection-findings">{inspection.findings}</p>
            </Card>
          ) : null}
          <Card title={t("detail.repairs")}>
            {inspection.repairs.length === 0 ? (
              <p className="text-sm text-slate-600">{t("detail.noRepairs")}</p>
            ) : (
              <ul className="flex flex-col gap-2" data-testid="inspection-repairs">
                {inspection.repairs.map((r) => (
                  <li key={r.requestNo} className="flex flex-wrap items-center gap-2">
                    <Link href={`/staff/repairs/${r.requestNo}`} className="font-medium text-brand-700 underline">{r.requestNo}</Link>
                    <Badge>{repairs(`status.${r.status as "OPEN"}`)}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card title={t("detail.facts")}>
            <Facts
              items={[
                { label: t("detail.place"), value: inspection.place },
                { label: t("detail.method"), value: t(`method.${inspection.method}`) },
                { label: t("detail.scheduledOn"), value: inspection.scheduledOn ? formatIsoDate(inspection.scheduledOn, l) : "—" },
                { label: t("detail.inspectedOn"), value: inspection.inspectedOn ? formatIsoDate(inspection.inspectedOn, l) : "—" },
                { label: t("detail.inspector"), value: inspection.inspector ?? "—" },
                { label: t("detail.recordedBy"), value: inspection.recordedBy ? `${inspection.recordedBy}${inspection.recordedAt ? ` · ${format.dateTime(inspection.recordedAt, { dateStyle: "medium", timeStyle: "short" })}` : ""}` : "—" },
                { label: t("detail.hasIssues"), value: inspection.status === "DONE" ? (inspection.hasIssues ? t("detail.yes") : t("detail.no")) : "—" },
              ]}
            />
          </Card>
          {inspection.isLate ? <Alert tone="warning">{t("late")}</Alert> : null}
        </div>
      </div>
    </Container>
  );
}
