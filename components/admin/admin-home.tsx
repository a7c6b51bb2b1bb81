import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";

export async function AdminHome() {
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
      </div>
    </Container>
  );
}
