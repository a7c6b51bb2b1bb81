import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { StatTile } from "@/components/ui/stat-tile";
import { cn } from "@/components/ui/cn";
import { ButtonLink } from "@/components/ui/button";
import { can, isCityWide, type Actor } from "@/lib/auth/permissions";
import { DASHBOARD_STAGES, getReviewDashboard, type DashboardStage } from "@/lib/review/dashboard";
import { loose } from "@/components/ui/loose";
import { RunJobsButton } from "@/components/jobs/run-jobs-button";
import { ClientMessages } from "@/components/i18n/client-messages";

const QUEUE_LINK: Partial<Record<DashboardStage, string>> = {
  SUBMITTED: "/staff/review?stage=SUBMITTED",
  ACCEPTED: "/staff/review?stage=ACCEPTED",
  FIRST_REVIEW_PASSED: "/staff/review?stage=FIRST_REVIEW_PASSED",
  SECOND_REVIEW_PASSED: "/staff/publicity",
  IN_PUBLICITY: "/staff/publicity",
};

/**
 * The review dashboards on the staff home page (Art. 19): a district officer's district, or the
 * whole city by district for municipal officers, with overdue work highlighted. Administrators get
 * only the "run scheduled jobs now" button.
 */
export async function ReviewDashboard({ user }: { user: Actor }) {
  const t = await getTranslations("review");
  const tl = loose(t);
  const locale = await getLocale();
  const showJobs = can(user, "jobs:run");
  const jobsCard = showJobs ? (
    <Card title={t("jobs.title")}>
      <p className="mb-4 text-slate-700">{t("jobs.body")}</p>
      <ClientMessages namespaces={["review.jobs", "review.validation"]}><RunJobsButton /></ClientMessages>
    </Card>
  ) : null;
  if (!can(user, "review:read")) return jobsCard ? <div className="mt-6">{jobsCard}</div> : null;

  const dash = await getReviewDashboard(user);
  const isCity = isCityWide(user, "review:read");
  return (
    <div className="mt-6 flex flex-col gap-6">
      <Card title={isCity ? t("dashboard.cityTitle") : t("dashboard.title")}>
        <p className="-mt-2 mb-4 text-sm text-slate-600">{t("dashboard.asOf", { date: dash.today })}</p>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label={isCity ? t("dashboard.cityTitle") : t("dashboard.title")}>
          <StatTile label={t("dashboard.overdue")} value={dash.overdue} href="/staff/review?overdue=1" tone="alert" />
          {DASHBOARD_STAGES.map((stage) => (
            <StatTile key={stage} label={tl(`dashboard.tiles.${stage}`)} value={dash.counts[stage]} href={QUEUE_LINK[stage]} />
          ))}
          <StatTile label={t("dashboard.openObjections")} value={dash.openObjections} href="/staff/publicity" tone="alert" />
          {isCity ? <StatTile label={t("dashboard.pendingAppeals")} value={dash.pendingAppeals} href="/staff/appeals?status=pending" /> : null}
        </ul>
        <div className="mt-4">
          <ButtonLink href="/staff/review" variant="secondary">
            {t("dashboard.openQueue")}
          </ButtonLink>
        </div>
      </Card>

      {isCity ? (
        <Card title={t("dashboard.districtsTitle")}>
          {dash.districts.length === 0 ? (
            <p className="text-slate-700">{t("dashboard.districtsEmpty")}</p>
          ) : (
            <div className="relative -mx-2 overflow-x-auto px-2">
              <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300 text-slate-700">
                    <th scope="col" className="py-2 pr-3 font-medium">{t("dashboard.districtColumn")}</th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">{t("dashboard.overdueColumn")}</th>
                    {DASHBOARD_STAGES.map((s) => (
                      <th key={s} scope="col" className="py-2 pr-3 text-right font-medium">
                        {tl(`dashboard.tiles.${s}`)}
                      </th>
                    ))}
                    <th scope="col" className="py-2 text-right font-medium">{t("dashboard.objectionsColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {dash.districts.map((row) => (
                    <tr key={row.districtCode} className={cn("border-b border-slate-100", row.overdue > 0 && "bg-red-50")} data-overdue={row.overdue > 0 || undefined}>
                      <th scope="row" className="py-2 pr-3 font-medium">
                        <Link href={`/staff/review?district=${row.districtCode}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {locale === "en" ? row.districtNameEn : row.districtName}
                        </Link>
                      </th>
                      <td className={cn("py-2 pr-3 text-right tabular-nums", row.overdue > 0 && "font-bold text-accent-600")}>
                        {row.overdue > 0 ? <Link href={`/staff/review?district=${row.districtCode}&overdue=1`}>{row.overdue}</Link> : 0}
                      </td>
                      {DASHBOARD_STAGES.map((s) => (
                        <td key={s} className="py-2 pr-3 text-right tabular-nums">
                          {row.counts[s]}
                        </td>
                      ))}
                      <td className="py-2 text-right tabular-nums">{row.openObjections}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : null}

      <Card title={t("dashboard.overdueTitle")}>
        {dash.overdueItems.length === 0 ? (
          <p className="text-slate-700">{t("dashboard.noOverdue")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {dash.overdueItems.map((item) => (
              <li key={item.applicationNo} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span className="min-w-0">
                  <Link href={`/staff/review/${encodeURIComponent(item.applicationNo)}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {item.applicationNo}
                  </Link>{" "}
                  <span className="text-slate-800">{item.applicantName}</span>{" "}
                  <span className="text-sm text-slate-600">
                    · {tl(`status.${item.status}`)}
                    {isCity ? ` · ${locale === "en" ? item.districtNameEn : item.districtName}` : ""}
                  </span>
                </span>
                <span className="shrink-0 text-sm font-semibold text-accent-600">
                  {t("queue.overdue", { days: item.daysOverdue })} ({t("dashboard.dueWas", { date: item.dueDate ?? "—" })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {jobsCard}
    </div>
  );
}
