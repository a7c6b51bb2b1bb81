import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { createRentStandard, decideRentStandard } from "@/lib/tenancy/rent-standards";

// The demo's rent standard (Art. 27): 安居·梧桐苑's standard for every unit type, drafted by
// city.officer and approved by city.reviewer through the services with the clock moved back,
// in force from the first day of a month a little over three years ago, so that its three-yearly
// review is due today: a visitor (and the journey) runs it, sees the computed rates and approves
// the new dated standard with the second account. No demo lease is on this estate, so the other
// journeys' rents do not change.

export const DEMO_RENT_STANDARD_ESTATE = "SPB-002";
export const DEMO_RENT_STANDARD_DOCUMENT = "渝住建发〔演示〕3号";

function at(date: ISODate, hour = 10): Date {
  return new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);
}

async function staff(username: string): Promise<Actor> {
  return prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true, role: true, districtCode: true } });
}

export async function seedRentStandards(today: ISODate): Promise<void> {
  const officer = await staff("city.officer");
  const reviewer = await staff("city.reviewer");
  const estate = await prisma.estate.findUniqueOrThrow({ where: { code: DEMO_RENT_STANDARD_ESTATE }, select: { id: true } });
  // The first day of the month 37 months ago: the review (36 months on) fell due last month.
  const effectiveFrom = addMonths(`${today.slice(0, 7)}-01`, -37);
  const drafted = at(addDays(effectiveFrom, -45));
  const { standardId } = await createRentStandard(
    officer,
    {
      estateId: estate.id,
      unitType: "",
      effectiveFrom,
      documentNo: DEMO_RENT_STANDARD_DOCUMENT,
      marketRent: "30.00",
      lowRentRate: "5.00",
      tierRate: ["12.00", "15.00", "18.00"],
      tierMax: ["30000", "45000", ""],
      formKey: "demo-rent-standard-0001",
    },
    { now: drafted },
  );
  await decideRentStandard(reviewer, { standardId, decision: "APPROVE" }, { now: at(addDays(effectiveFrom, -30)) });
}
