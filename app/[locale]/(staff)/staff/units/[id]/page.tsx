import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UnitWaitingList } from "@/components/allocation/unit-waiting-list";
import { UnitPage } from "@/components/stock/unit-page";
import { UnitExchangeOffer } from "@/components/tenancy/exchange-pages";
import { headForUnit, listIdOf } from "@/lib/allocation/waiting-list";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getUnit } from "@/lib/stock/stock-service";
import { exchangeHeadForUnit } from "@/lib/tenancy/exchanges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("unit.facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function UnitDetailPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/units/${id}` });
  const unit = await getUnit(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // A vacated unit goes to the head of its waiting list (Art. 23), offered by the district's officers.
  const offersFromList = unit.status === "VACANT" && can(user, "allocation:manage", { districtCode: unit.estate.districtCode });
  const head = offersFromList ? await headForUnit(unit.id) : null;
  // Or, the officer choosing, to the head of the estate's exchange list (Art. 33, decision 026).
  const exchangeHead = offersFromList ? await exchangeHeadForUnit(unit.id) : null;
  const allocation = offersFromList ? (
    <>
      <UnitWaitingList unitId={unit.id} unitLabel={`${unit.estate.name} ${unit.building.name}${unit.unitNo}`} listId={listIdOf(unit.estate.code, unit.unitType)} head={head} />
      {exchangeHead ? <UnitExchangeOffer unitId={unit.id} unitLabel={`${unit.estate.name} ${unit.building.name}${unit.unitNo}`} head={exchangeHead} /> : null}
    </>
  ) : null;
  return <UnitPage unit={unit} allocation={allocation} />;
}
