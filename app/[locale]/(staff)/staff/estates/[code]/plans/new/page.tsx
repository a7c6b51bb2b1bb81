import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PlanForm } from "@/components/allocation/plan-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { planFormOf } from "@/lib/allocation/plans";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDm2 } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.plan");
  return { title: t("newFromEstate") };
}

type Props = { params: Promise<{ code: string }> };

export default async function NewPlanPage({ params }: Props) {
  const { code } = await params;
  const user = await requirePermission("allocation:manage", undefined, { returnTo: `/staff/estates/${code}/plans/new` });
  const data = await planFormOf(user, decodeURIComponent(code)).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const t = await getTranslations("allocation.plan");
  const stock = await getTranslations("stock");
  const locale = await getLocale();
  const groups = data.groups.map((g) => ({
    key: `${g.building}-${g.unitType}`,
    title: `${g.building} · ${stock(`unitType.${g.unitType}`)}（${g.units.length}）`,
    units: g.units.map((u) => ({ id: u.id, label: `${u.unitNo} · ${formatDm2(u.floorAreaDm2, locale)}㎡` })),
  }));
  return (
    <Container>
      <PageHeader title={t("newTitle", { estate: data.estate.name })} description={<p>{t("newIntro")}</p>} />
      {groups.length === 0 ? (
        <EmptyState title={t("noVacantUnits")} />
      ) : (
        <Card>
          <ClientMessages namespaces={["allocation.plan"]}>
            <PlanForm estateId={data.estate.id} groups={groups} />
          </ClientMessages>
        </Card>
      )}
    </Container>
  );
}
