import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ReviewDashboard } from "@/components/review/review-dashboard";
import { listReadableDistricts } from "@/lib/auth/districts";
import { can, homeDistrictOf, isCityWide } from "@/lib/auth/permissions";
import { listIntakeLinkLocks } from "@/lib/applications/link-intake";
import { Alert } from "@/components/ui/alert";
import { getDistrictHeadline } from "@/lib/districts/overview";
import { StatTile } from "@/components/ui/stat-tile";
import type { CurrentUser } from "@/lib/auth/session";

export async function StaffHome({ user }: { user: CurrentUser }) {
  const t = await getTranslations();
  const locale = await getLocale();
  // The district records the user may open (casework: administrators have none).
  const districts = await listReadableDistricts(user, "application:read");
  const label = (d: { name: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.name);
  const home = homeDistrictOf(user);
  const own = home ? districts.find((d) => d.code === home) : undefined;
  const headline = own ? await getDistrictHeadline(user, own.code) : null;
  // Accounts locked out of linking 渝快办 applications of the district (docs/decisions/035).
  const linkLocks = can(user, "applicationLink:unlock") ? (await listIntakeLinkLocks(user)).length : 0;

  return (
    <Container>
      <PageHeader
        title={t("staff.title")}
        description={
          <>
            <p>{t("staff.greeting", { name: user.name })}</p>
            <p className="text-sm text-slate-600">
              {t("staff.roleLine", { role: t(`roles.${user.role}`) })}
              {own ? ` · ${t("staff.districtLine", { district: label(own) })}` : null}
            </p>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {linkLocks > 0 ? (
          <Alert tone="warning">
            <Link href="/staff/link-locks" className="font-medium underline underline-offset-4">
              {t("staff.linkLocks.pending", { count: linkLocks })}
            </Link>
          </Alert>
        ) : null}
        {home ? (
          <Card title={t("staff.myDistrictTitle")}>
            {own && headline ? (
              <>
                <p className="mb-4 text-slate-700">{t("staff.myDistrictBody", { district: label(own) })}</p>
                <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label={t("staff.myDistrictTitle")}>
                  <StatTile label={t("staff.headline.reviewsDueToday")} value={headline.reviewsDueToday} href={`/staff/districts/${own.code}#queues`} tone="alert" />
                  <StatTile label={t("staff.headline.rechecksPending")} value={headline.rechecksPending} href={`/staff/districts/${own.code}#rechecks`} />
                  <StatTile label={t("staff.headline.rectificationsDue")} value={headline.rectificationsDue} href={`/staff/districts/${own.code}#rectifications`} tone="alert" />
                </ul>
                <ButtonLink href={`/staff/districts/${own.code}`} className="mt-4">
                  {t("staff.openDistrict", { district: label(own) })}
                </ButtonLink>
              </>
            ) : (
              <EmptyState title={t("staff.noDistricts")} body={t("staff.noDistrictsBody")} />
            )}
          </Card>
        ) : isCityWide(user, "application:read") ? (
          <Card title={t("staff.allDistrictsTitle")}>
            <p className="mb-4 text-slate-700">{t("staff.allDistrictsBody")}</p>
            {districts.length > 0 ? (
              <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
                {districts.map((d) => (
                  <li key={d.code}>
                    <Link
                      href={`/staff/districts/${d.code}`}
                      className="flex min-h-11 items-center rounded-md border border-slate-200 px-3 text-brand-700 hover:border-brand-300 hover:bg-brand-50"
                    >
                      {label(d)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title={t("staff.noDistricts")} body={t("staff.noDistrictsBody")} />
            )}
          </Card>
        ) : null}
      </div>
      {/* Review, publicity and appeals work (Art. 19): counts per stage, overdue items, run jobs now. */}
      <ReviewDashboard user={user} />
    </Container>
  );
}
