import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { StaffPage, StaffUserRow } from "@/lib/auth/staff-users";
import type { StaffAccountAction } from "@/lib/auth/schemas";
import { StaffAccountActions } from "./staff-account-actions";
import { staffRoles } from "@/lib/auth/schemas";
import { CreateStaffForm } from "./create-staff-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function StaffUsers({
  staff,
  districts,
  currentUserId,
}: {
  staff: StaffPage;
  /** The administrator looking: no actions on their own account (that is the password change page). */
  currentUserId: string;
  districts: Array<{ code: string; name: string; nameEn: string }>;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const districtLabel = (d: { name: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.name);
  const statusLabels: StatusLabels = {
    active: t("admin.users.active"),
    inactive: t("admin.users.inactive"),
    pending: t("admin.users.pending"),
    mustChange: t("admin.users.mustChange"),
  };

  return (
    <Container>
      <PageHeader
        title={t("admin.users.title")}
        description={t("admin.users.intro")}
        actions={<ButtonLink href="#create-staff">{t("admin.users.createLink")}</ButtonLink>}
      />

      <ClientMessages namespaces={["admin.users"]}>
      <section aria-labelledby="staff-list-title">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="staff-list-title" className="text-lg font-semibold">
            {t("admin.users.listTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("admin.users.total", { total: staff.total })}</p>
        </div>
        {staff.items.length === 0 ? (
          <EmptyState title={t("admin.users.empty")} body={t("admin.users.emptyBody")} />
        ) : (
          <>
            {/* Phones: one card per account. */}
            <ul className="space-y-3 md:hidden">
              {staff.items.map((u) => (
                <li key={u.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-semibold">{u.name}</p>
                      <p className="truncate font-mono text-sm text-slate-600">{u.username}</p>
                    </div>
                    <AccountStatus user={u} labels={statusLabels} />
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-600">{t("admin.users.colRole")}</dt>
                    <dd>{t(`roles.${u.role}`)}</dd>
                    <dt className="text-slate-600">{t("admin.users.colDistrict")}</dt>
                    <dd>{u.district ? districtLabel(u.district) : t("common.none")}</dd>
                    <dt className="text-slate-600">{t("admin.users.colLastLogin")}</dt>
                    <dd>{u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("admin.users.never")}</dd>
                  </dl>
                  {u.id === currentUserId ? null : (
                    <div className="mt-3">
                      <StaffAccountActions userId={u.id} username={u.username ?? ""} actions={actionsFor(u)} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {/* Wider screens: a table. */}
            <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("admin.users.listTitle")}</caption>
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colName")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colUsername")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colRole")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colDistrict")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colStatus")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colLastLogin")}</th>
                    <th scope="col" className="px-4 py-3 font-semibold">{t("admin.users.colActions")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {staff.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row" className="px-4 py-3 font-medium">{u.name}</th>
                      <td className="px-4 py-3 font-mono">{u.username}</td>
                      <td className="px-4 py-3">{t(`roles.${u.role}`)}</td>
                      <td className="px-4 py-3">{u.district ? districtLabel(u.district) : t("common.none")}</td>
                      <td className="px-4 py-3">
                        <AccountStatus user={u} labels={statusLabels} />
                      </td>
                      <td className="px-4 py-3 text-slate-700">
                        {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("admin.users.never")}
                      </td>
                      <td className="px-4 py-3">
                        {u.id === currentUserId ? null : <StaffAccountActions userId={u.id} username={u.username ?? ""} actions={actionsFor(u)} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <Pagination page={staff.page} pageCount={staff.pageCount} hrefFor={(p) => `/staff/admin/users?page=${p}`} />
      </section>
      </ClientMessages>

      <Card id="create-staff" title={t("admin.users.createTitle")} className="mt-10 max-w-xl scroll-mt-4">
        <ClientMessages namespaces={["admin", "roles"]}><CreateStaffForm districts={districts.map((d) => ({ value: d.code, label: `${districtLabel(d)}（${d.code}）` }))} roles={staffRoles} /></ClientMessages>
      </Card>
    </Container>
  );
}

/** What an administrator can do to an account in its present state (lib/auth/accounts.ts manageStaffAccount). */
function actionsFor(u: StaffUserRow): StaffAccountAction[] {
  if (!u.isActive) return ["reactivate"];
  const pending = u.activationExpiresAt !== null;
  return pending ? ["reset", "deactivate"] : u.mustChangePassword ? ["reset", "deactivate"] : ["forceChange", "reset", "deactivate"];
}

type StatusLabels = { active: string; inactive: string; pending: string; mustChange: string };

function AccountStatus({ user, labels }: { user: StaffUserRow; labels: StatusLabels }) {
  const note = "inline-flex rounded-full bg-amber-50 px-2.5 py-0.5 text-sm font-medium text-amber-900";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StatusBadge active={user.isActive} labels={[labels.active, labels.inactive]} />
      {user.isActive && user.activationExpiresAt ? <span className={note}>{labels.pending}</span> : null}
      {user.isActive && user.mustChangePassword ? <span className={note}>{labels.mustChange}</span> : null}
    </span>
  );
}

function StatusBadge({ active, labels }: { active: boolean; labels: [string, string] }) {
  return (
    <span
      className={
        active
          ? "inline-flex rounded-full bg-green-50 px-2.5 py-0.5 text-sm font-medium text-green-800"
          : "inline-flex rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-700"
      }
    >
      {active ? labels[0] : labels[1]}
    </span>
  );
}
