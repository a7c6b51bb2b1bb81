import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LiftLinkLockButton } from "@/components/staff/lift-link-lock-button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listIntakeLinkLocks } from "@/lib/applications/link-intake";
import { requirePermission } from "@/lib/auth/session";
import { maskPhone } from "@/lib/rules/identity";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.linkLocks");
  return { title: t("title") };
}

/** Accounts locked out of linking 渝快办 applications of the officer's district (docs/decisions/035). */
export default async function LinkLocksPage() {
  const user = await requirePermission("applicationLink:unlock", undefined, { returnTo: "/staff/link-locks" });
  const t = await getTranslations("staff.linkLocks");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const locks = await listIntakeLinkLocks(user);
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("description")} />
      {locks.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {locks.map((lock) => (
            <li key={lock.userId}>
              <Card>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
                  <dt className="text-slate-600">{t("name")}</dt>
                  <dd>{lock.name}</dd>
                  <dt className="text-slate-600">{t("phone")}</dt>
                  <dd>{maskPhone(lock.phone)}</dd>
                  <dt className="text-slate-600">{t("lockedAt")}</dt>
                  <dd>{formatInstant(lock.lockedAt, locale)}</dd>
                </dl>
                <div className="mt-4">
                  <ClientMessages namespaces={["staff.linkLocks"]}>
                    <LiftLinkLockButton userId={lock.userId} />
                  </ClientMessages>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
