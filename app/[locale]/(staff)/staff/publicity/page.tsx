import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffPublicity } from "@/components/publicity/staff-publicity";
import { districtOfReach, isCityWide } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts } from "@/lib/auth/staff-users";
import { todayCST } from "@/lib/clock";
import { listPublishable, listStaffBatches } from "@/lib/publicity/batches";
import { listOpenObjections } from "@/lib/publicity/objections";
import { publicityPeriod } from "@/lib/rules/publicity";
import { batchListFilterSchema } from "@/lib/publicity/schemas";
import { firstParam, parseSearchParams } from "@/lib/review/schemas";
import { pageParam } from "@/lib/http/public-routes";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicity.staff");
  return { title: t("title") };
}

export default async function StaffPublicityPage({ searchParams }: Props) {
  const user = await requirePermission("publicity:manage", undefined, { returnTo: "/staff/publicity" });
  const query = await searchParams;
  const filter = parseSearchParams(batchListFilterSchema, query);
  // City-wide officers choose the district to publish for; a district officer publishes for theirs.
  const isCity = isCityWide(user, "publicity:manage");
  const publishDistrict = isCity ? (filter.district ?? null) : districtOfReach(user, "publicity:manage");
  const period = publicityPeriod(todayCST());
  return (
    <StaffPublicity
      publishable={await listPublishable(user, { district: filter.district, page: filter.page })}
      publishDistrict={publishDistrict}
      districts={isCity ? await listDistricts() : null}
      period={{ start: period.firstDay, end: period.endDate }}
      objections={await listOpenObjections(user)}
      batches={await listStaffBatches(user, { district: filter.district, page: pageParam(firstParam(query.batches) ?? null) })}
      districtFilter={filter.district}
    />
  );
}
