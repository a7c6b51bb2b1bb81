import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RentStandardForm } from "@/components/rent-standards/rent-standard-forms";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { UNIT_TYPES } from "@/lib/rules/unit-type";
import { rentStandardFormOf } from "@/lib/tenancy/rent-standards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rentStandards");
  return { title: t("newTitle") };
}

export default async function NewRentStandardPage() {
  const user = await requirePermission("rentStandard:manage", undefined, { returnTo: "/staff/rent-standards/new" });
  const { estates } = await rentStandardFormOf(user);
  const t = await getTranslations("rentStandards");
  const stock = await getTranslations("stock");
  return (
    <Container>
      <PageHeader title={t("newTitle")} description={<p>{t("newIntro")}</p>} />
      <Card>
        <ClientMessages namespaces={["rentStandards"]}>
          <RentStandardForm estates={estates.map((e) => ({ id: e.id, label: `${e.name}（${e.code}）` }))} unitTypes={UNIT_TYPES.map((u) => ({ value: u, label: stock(`unitType.${u}`) }))} today={todayCST()} />
        </ClientMessages>
      </Card>
    </Container>
  );
}
