import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { formatInstant, queryString } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { PageHeader } from "@/components/ui/page-header";
import { StatTile } from "@/components/ui/stat-tile";
import { can, isCityWide, type Actor } from "@/lib/auth/permissions";
import type { DistrictOverview } from "@/lib/districts/overview";
import { articleLabel } from "@/lib/rules";

const link = "text-brand-700 underline-offset-2 hover:underline";

/** A card's list of up to OVERVIEW_LIST_LIMIT rows, with a note when there are more, or what to say when empty. */
function ShortList({ empty, total, more, children }: { empty: string; total: number; more: string; children: ReactNode[] }) {
  if (children.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <>
      <ul className="flex flex-col divide-y divide-slate-100">{children}</ul>
      {total > children.length ? <p className="mt-2 text-sm text-slate-600">{more}</p> : null}
    </>
  );
}

/**
 * One district's records (Art. 19-20): this year's figures, applications by status, the review
 * queues with their statutory deadlines, publicity, objections, appeals, re-checks and
 * rectifications. Links go only where the viewer may follow them.
 */
export async function DistrictRecords({ overview, viewer }: { overview: DistrictOverview; viewer: Actor }) {
  const t = await getTranslations("staff.district");
  const tl = loose(t);
  const review = loose(await getTranslations("review"));
  const appeals = loose(await getTranslations("appeals"));
  const audits = loose(await getTranslations("audits"));
  const locale = await getLocale();
  const { district, figures, queues, dueItems, publicity, objections, rechecks, rectifications } = overview;
  const art = (article: string) => articleLabel(article, locale === "en" ? "en" : "zh-CN");
  const more = (total: number, shown: number) => t("more", { total, shown });
  // The queue keeps a city-wide viewer on this district with its district filter.
  const isCity = isCityWide(viewer, "review:read");
  const queueHref = (stage?: string) => `/staff/review${queryString({ stage, district: isCity ? district.code : undefined })}`;
  const scope = { districtCode: district.code };
  const dueTotal = queues.reduce((n, q) => n + q.dueToday + q.overdue, 0);

  return (
    <Container>
      <PageHeader
        title={locale === "en" ? district.nameEn : district.name}
        description={
          <div className="flex flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span>{t("code", { code: district.code })}</span>
              <Badge>{tl(`kind${district.kind}`)}</Badge>
              {district.isCentralUrban ? <Badge tone="info">{t("centralUrban")}</Badge> : null}
              <span>{t("officerCount", { count: district.activeOfficerCount })}</span>
            </p>
            <p className="text-sm text-slate-600">{t("asOf", { date: overview.today })}</p>
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title={t("figuresTitle", { year: overview.year })}>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("figuresTitle", { year: overview.year })}>
            {(["received", "accepted", "qualified", "refused"] as const).map((key) => (
              <StatTile key={key} label={t(`figures.${key}`)} value={figures[key]} />
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t("figuresNote", { article: art("19") })}</p>
        </Card>

        <Card id="queues" title={t("queuesTitle")}>
          <ul className="flex flex-col gap-3">
            {queues.map((q) => (
              <li key={q.stage} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between" data-queue={q.stage}>
                <div className="min-w-0">
                  <Link href={queueHref(q.stage)} className={cn(link, "font-semibold")}>
                    {tl(`queueStage.${q.stage}`)}
                  </Link>
                  <p className="text-sm text-slate-600">{tl(`queueRule.${q.stage}`, { days: q.workingDays ?? 0, article: art("19") })}</p>
                </div>
                <dl className="flex shrink-0 gap-4 text-center">
                  <div>
                    <dt className="text-xs text-slate-600">{t("waiting")}</dt>
                    <dd className="text-xl font-bold tabular-nums text-brand-800">{q.count}</dd>
                  </div>
                  {q.workingDays !== null ? (
                    <>
                      <div>
                        <dt className="text-xs text-slate-600">{t("dueToday")}</dt>
                        <dd className={cn("text-xl font-bold tabular-nums", q.dueToday > 0 ? "text-amber-700" : "text-slate-500")}>{q.dueToday}</dd>
                      </div>
                      <div>
                        <dt className="text-xs text-slate-600">{t("overdue")}</dt>
                        <dd className={cn("text-xl font-bold tabular-nums", q.overdue > 0 ? "text-accent-600" : "text-slate-500")}>{q.overdue}</dd>
                      </div>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          <h3 className="mb-2 mt-5 font-semibold text-slate-900">{t("dueTitle")}</h3>
          <ShortList empty={t("noDue")} total={dueTotal} more={more(dueTotal, dueItems.length)}>
            {dueItems.map((item) => (
              <li key={item.applicationNo} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between" data-due={item.applicationNo}>
                <span className="min-w-0">
                  <Link href={`/staff/review/${encodeURIComponent(item.applicationNo)}`} className={cn(link, "font-medium")}>
                    {item.applicationNo}
                  </Link>{" "}
                  <span className="text-slate-800">{item.applicantName}</span>{" "}
                  <span className="text-sm text-slate-600">· {review(`status.${item.status}`)}</span>
                </span>
                <span className={cn("shrink-0 text-sm font-semibold", item.daysOverdue > 0 ? "text-accent-600" : "text-amber-700")}>
                  {item.daysOverdue > 0 ? review("queue.overdue", { days: item.daysOverdue }) : review("queue.dueToday")} ({t("dueOn", { date: item.dueDate })})
                </span>
              </li>
            ))}
          </ShortList>
          <div className="mt-4">
            <ButtonLink href={queueHref()} variant="secondary">
              {t("openQueue")}
            </ButtonLink>
          </div>
        </Card>

        <Card title={t("statusTitle")}>
          <p className="-mt-1 mb-3 text-sm text-slate-600">{t("statusNote")}</p>
          <ul className="grid grid-cols-1 gap-x-6 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("statusTitle")}>
            {overview.byStatus.map((s) => (
              <li key={s.status} className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-1.5" data-status={s.status}>
                <span className="text-slate-800">{review(`status.${s.status}`)}</span>
                <span className={cn("tabular-nums", s.count > 0 ? "font-semibold text-slate-900" : "text-slate-400")}>{s.count}</span>
              </li>
            ))}
          </ul>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card title={t("publicityTitle")}>
            <ShortList empty={t("noPublicity")} total={publicity.total} more={more(publicity.total, publicity.batches.length)}>
              {publicity.batches.map((b) => (
                <li key={b.id} className="flex flex-col gap-1 py-2">
                  <Link href={`/staff/publicity/${b.id}`} className={cn(link, "font-medium")}>
                    {b.title}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    <span>{t("batchLine", { start: b.firstDay, end: b.endDate, count: b.entryCount })}</span>
                    {b.hasEnded ? <Badge tone="warning">{t("batchEnded")}</Badge> : null}
                    {b.openObjections > 0 ? <Badge tone="danger">{t("batchObjections", { count: b.openObjections })}</Badge> : null}
                  </span>
                </li>
              ))}
            </ShortList>
          </Card>

          <Card title={t("objectionsTitle")}>
            <ShortList empty={t("noObjections")} total={objections.total} more={more(objections.total, objections.items.length)}>
              {objections.items.map((o) => (
                <li key={o.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <span className="min-w-0">
                    {o.referenceNo ? <span className="mr-2 whitespace-nowrap font-mono text-sm">{o.referenceNo}</span> : null}
                    {t("objectionLine", { applicationNo: o.applicationNo, name: o.displayName, at: formatInstant(o.receivedAt, locale) })}
                  </span>
                  <Link href={`/staff/publicity/${o.batchId}#objection-${o.id}`} className={cn(link, "shrink-0 underline")}>
                    {t("view")}
                  </Link>
                </li>
              ))}
            </ShortList>
          </Card>

          <Card title={t("appealsTitle")}>
            <p className="-mt-1 mb-3 text-sm text-slate-600">{t("appealsNote", { article: art("19") })}</p>
            <ShortList empty={t("noAppeals")} total={overview.appeals.total} more={more(overview.appeals.total, overview.appeals.items.length)}>
              {overview.appeals.items.map((a) => (
                <li key={a.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <span className="min-w-0">{t("appealLine", { applicationNo: a.applicationNo, refusal: review(`status.${a.appealedStatus}`), at: formatInstant(a.lodgedAt, locale) })}</span>
                  <span className="flex shrink-0 items-center gap-3">
                    <Badge tone="warning">{appeals(`status.${a.status}`)}</Badge>
                    {can(viewer, "appeal:decide", scope) ? (
                      <Link href={`/staff/appeals/${a.id}`} className={cn(link, "underline")}>
                        {t("view")}
                      </Link>
                    ) : null}
                  </span>
                </li>
              ))}
            </ShortList>
          </Card>

          <Card id="rechecks" title={t("rechecksTitle")}>
            <p className={cn(rechecks.pending > 0 ? "font-medium text-slate-900" : "text-slate-700")}>{t("rechecksPending", { count: rechecks.pending, article: art("20") })}</p>
            {can(viewer, "recheck:manage", scope) ? (
              <ButtonLink href="/staff/rechecks" variant="secondary" className="mt-4">
                {t("openRechecks")}
              </ButtonLink>
            ) : null}
          </Card>
        </div>

        <Card id="rectifications" title={t("rectificationsTitle")}>
          {rectifications.total + rectifications.reported > 0 ? (
            <p className="-mt-1 mb-3 text-sm text-slate-700">{t("rectificationsSummary", { total: rectifications.total, overdue: rectifications.overdue, reported: rectifications.reported })}</p>
          ) : null}
          <ShortList empty={t("noRectifications")} total={rectifications.total} more={more(rectifications.total, rectifications.items.length)}>
            {rectifications.items.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between" data-overdue={r.daysOverdue > 0 || undefined}>
                <span className="min-w-0">
                  {can(viewer, "rectification:read", scope) ? (
                    <Link href={`/staff/audits/rectifications/${r.id}`} className={cn(link, "font-medium")}>
                      {r.requirement}
                    </Link>
                  ) : (
                    <span className="font-medium">{r.requirement}</span>
                  )}{" "}
                  <span className="text-sm text-slate-600">· {audits(`rectification.status.${r.status}`)}</span>
                </span>
                <span className={cn("shrink-0 text-sm", r.daysOverdue > 0 ? "font-semibold text-accent-600" : "text-slate-700")}>
                  {r.daysOverdue > 0 ? `${review("queue.overdue", { days: r.daysOverdue })} · ` : ""}
                  {t("rectificationDue", { date: r.dueDate, article: art("20") })}
                </span>
              </li>
            ))}
          </ShortList>
        </Card>
      </div>
    </Container>
  );
}
