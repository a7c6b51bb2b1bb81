import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { PlanFilter } from "@/lib/allocation/plan-schemas";
import type { PlanListItem } from "@/lib/allocation/plans";

export const PLAN_STATUS_TONE: Record<PlanListItem["status"], BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "warning",
  APPROVED: "info",
  PUBLISHED: "success",
  WITHDRAWN: "danger",
  COMPLETED: "neutral",
  CANCELLED: "neutral",
};

const VIEWS = [undefined, "DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "WITHDRAWN"] as const;

function href(filter: PlanFilter, changes: Partial<PlanFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.status) params.set("status", merged.status);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/staff/plans${s ? `?${s}` : ""}`;
}

/** The allocation plans in the officer's reach, by status. */
export async function PlanList({ data, filter }: { data: { items: PlanListItem[]; page: number; pageCount: number }; filter: PlanFilter }) {
  const t = await getTranslations("allocation.plan");
  const format = await getFormatter();
  return (
    <Container>
      <PageHeader title={t("listTitle")} description={<p>{t("listIntro")}</p>} />
      <nav aria-label={t("listTitle")} className="mb-4 -mx-1 overflow-x-auto">
        <ul className="flex gap-1">
          {VIEWS.map((v) => (
            <li key={v ?? "all"}>
              <Link
                href={href(filter, { status: v, page: undefined })}
                aria-current={v === filter.status ? "page" : undefined}
                className={cn("flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm", v === filter.status ? "bg-brand-700 font-semibold text-white" : "text-brand-700 hover:bg-brand-50")}
              >
                {v ? t(`status.${v}`) : t("allStatuses")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data.items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.items.map((p) => (
            <li key={p.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between" data-plan={p.id}>
              <div className="min-w-0">
                <Link href={`/staff/plans/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {p.title}
                </Link>
                <p className="text-sm text-slate-600">
                  {p.estateName} · {p.districtName} · {t(`methods.${p.method}`)} · {t("unitCount", { count: p.unitCount })} · {format.dateTime(p.createdAt, { dateStyle: "medium" })}
                </p>
              </div>
              <Badge tone={PLAN_STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => href(filter, { page: p })} />
    </Container>
  );
}
