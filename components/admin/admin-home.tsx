import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";

export async function AdminHome({ failedNotices }: { failedNotices: number }) {
  const t = await getTranslations("admin");
  return (
    <Container>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("usersCardTitle")}>
          <p className="text-slate-700">{t("usersCardBody")}</p>
          <ButtonLink href="/staff/admin/users" className="mt-4">
            {t("openUsers")}
          </ButtonLink>
        </Card>
        <Card title={t("notifications.cardTitle")}>
          <p className={failedNotices > 0 ? "font-medium text-red-800" : "text-slate-700"}>
            {failedNotices > 0 ? t("notifications.cardFailed", { count: failedNotices }) : t("notifications.cardNone")}
          </p>
          <ButtonLink href="/staff/admin/notifications" className="mt-4" variant={failedNotices > 0 ? "primary" : "secondary"}>
            {t("notifications.open")}
          </ButtonLink>
        </Card>
        <Card title={t("auditTrail.cardTitle")}>
          <p className="text-slate-700">{t("auditTrail.cardBody")}</p>
          <ButtonLink href="/staff/admin/audit" className="mt-4" variant="secondary">
            {t("auditTrail.open")}
          </ButtonLink>
        </Card>
      </div>
    </Container>
  );
}
