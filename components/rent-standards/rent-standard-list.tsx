import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatIsoDate } from "@/lib/applications/format";
import type { RentStandardFilter } from "@/lib/tenancy/rent-standard-schemas";
import type { RentStandardListItem } from "@/lib/tenancy/rent-standards";

export const RENT_STANDARD_STATUS_TONE: Record<RentStandardListItem["status"], BadgeTone> = { DRAFT: "warning", APPROVED: "success", REJECTED: "danger" };

function href(filter: RentStandardFilter, changes: Partial<RentStandardFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.estate) params.set("estate", merged.estate);
  if (merged.status) params.set("status", merged.status);
  if (merged.due) params.set("due", merged.due);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/staff/rent-standards${s ? `?${s}` : ""}`;
}

/** Where a standard stands today: in force, announced, ended, or its decision. */
export async function StandardBadges({ item }: { item: RentStandardListItem }) {
  const t = await getTranslations("rentStandards");
  // Approved but not in force: announced to come (no end date yet, or its end after today), or ended.
  const upcoming = item.status === "APPROVED" && !item.inForce && !item.ended;
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={RENT_STANDARD_STATUS_TONE[item.status]}>{t(`status.${item.status}`)}</Badge>
      {item.inForce ? <Badge tone="info">{t("inForce")}</Badge> : null}
      {upcoming ? <Badge tone="info">{t("upcoming")}</Badge> : null}
      {item.ended ? <Badge tone="neutral">{t("ended")}</Badge> : null}
      {item.reviewDue ? <Badge tone="danger">{t("reviewDue")}</Badge> : null}
      {item.isReview ? <Badge tone="neutral">{t("isReview")}</Badge> : null}
    </span>
  );
}

/** The rent standards in the officer's reach, by estate, status and review due (Art. 27). */
export async function RentStandardList({
  data,
  filter,
}: {
  data: { items: RentStandardListItem[]; page: number; pageCount: number; estates: Array<{ code: string; name: string }>; canManage: boolean };
  filter: RentStandardFilter;
}) {
  const t = await getTranslations("rentStandards");
  const stock = await getTranslations("stock");
  const l = (await getLocale()) === "en" ? "en" : "zh-CN";
  const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <Container>
      <PageHeader
        title={t("listTitle")}
        description={<p>{t("listIntro")}</p>}
        actions={data.canManage ? <ButtonLink href="/staff/rent-standards/new">{t("newStandard")}</ButtonLink> : null}
      />
      <form method="get" action="/staff/rent-standards" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end" data-testid="rent-standard-filters">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.estate")}
          <select name="estate" defaultValue={filter.estate ?? ""} className={control}>
            <option value="">{t("filters.allEstates")}</option>
            {data.estates.map((e) => (
              <option key={e.code} value={e.code}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("filters.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={control}>
            <option value="">{t("filters.allStatuses")}</option>
            {(["DRAFT", "APPROVED", "REJECTED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="due" value="1" defaultChecked={filter.due === "1"} className="h-5 w-5" />
          {t("filters.dueOnly")}
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          {t("filters.apply")}
        </button>
      </form>
      {data.items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="rent-standard-list">
          {data.items.map((s) => (
            <li key={s.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between" data-standard={s.id}>
              <div className="min-w-0">
                <Link href={`/staff/rent-standards/${s.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {s.estate.name} · {s.unitType ? stock(`unitType.${s.unitType}`) : t("allTypes")}
                </Link>
                <p className="text-sm text-slate-600">
                  {s.documentNo ?? "—"} · {s.effectiveTo ? t("effectiveRange", { from: formatIsoDate(s.effectiveFrom, l), to: formatIsoDate(s.effectiveTo, l) }) : t("effective", { from: formatIsoDate(s.effectiveFrom, l) })}
                  {s.status === "APPROVED" ? ` · ${t("reviewOn", { date: formatIsoDate(s.nextReviewDate, l) })}` : ""}
                </p>
              </div>
              <StandardBadges item={s} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => href(filter, { page: p })} />
    </Container>
  );
}
