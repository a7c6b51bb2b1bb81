import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ReviewDashboard } from "@/components/review/review-dashboard";
import { listReadableDistricts } from "@/lib/auth/districts";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";

export async function StaffHome({ user }: { user: CurrentUser }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const districts = can(user, "district:read") ? await listReadableDistricts(user) : [];
  const label = (d: { name: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.name);
  const own = user.districtCode ? districts.find((d) => d.code === user.districtCode) : undefined;

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
      <div className="grid items-start gap-6 md:grid-cols-2">
        {user.role === "DISTRICT_OFFICER" ? (
          <Card title={t("staff.myDistrictTitle")}>
            {own ? (
              <>
                <p className="text-slate-700">{t("staff.myDistrictBody", { district: label(own) })}</p>
                <ButtonLink href={`/staff/districts/${own.code}`} className="mt-4">
                  {t("staff.openDistrict", { district: label(own) })}
                </ButtonLink>
              </>
            ) : (
              <EmptyState title={t("staff.noDistricts")} body={t("staff.noDistrictsBody")} />
            )}
          </Card>
        ) : (
          <Card title={t("staff.allDistrictsTitle")}>
            <p className="mb-4 text-slate-700">{t("staff.allDistrictsBody")}</p>
            {districts.length > 0 ? (
              <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
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
        )}
      </div>
      {/* Review, publicity and appeals work (Art. 19): counts per stage, overdue items, run jobs now. */}
      <ReviewDashboard user={user} />
    </Container>
  );
}
