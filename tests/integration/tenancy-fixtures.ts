// The tenancy tests' fixtures: an accepted offer of a unit (what allocation hands over, Art. 25),
// a tenant account with a real password to sign with, and a lease in force with its bills.
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import type { UnitType } from "@/lib/generated/prisma/client";
import { countersignLease, draftLease, signLease } from "@/lib/tenancy/leases";
import { cstInstant, dateColumn } from "../support/clock";
import { createUser } from "../support/users";
import { createEstate, household } from "./allocation-fixtures";
import { prisma } from "./db";

export const TENANT_PASSWORD = "Tenant-pass-2026";

export interface AcceptedOffer {
  offerId: string;
  unitId: string;
  applicationId: string;
  applicationNo: string;
  tenant: Actor;
}

/** An estate with `count` two-bedroom units (floor area 60 m², market 2,000 yuan, standard 1,200 yuan). */
export async function tenancyEstate(code: string, count = 3): Promise<{ id: string; unitIds: string[] }> {
  const estate = await createEstate(code, { TWO_BEDROOM: count } as Partial<Record<UnitType, number>>);
  return { id: estate.id, unitIds: estate.unitIds.TWO_BEDROOM };
}

/** A household that accepted an offer of `unitId`: the application ALLOCATED, the unit OFFERED. */
export async function acceptedOffer(estateId: string, unitId: string): Promise<AcceptedOffer> {
  const tenant = await createUser("APPLICANT");
  await prisma.user.update({ where: { id: tenant.id }, data: { passwordHash: await hashPassword(TENANT_PASSWORD) } });
  const app = await household({ estateId, applicantUserId: tenant.id, status: "ALLOCATED" });
  // What the household declared (Art. 13): what a renewal's re-review assesses again (Art. 32).
  await prisma.applicationDeclaration.create({
    data: { applicationId: app.id, employment: "LABOR_CONTRACT", employerName: "重庆某物流有限公司", workDistrictCode: "500103", ownsUrbanHousingInCity: false, familyCanSupportHousing: false, priorityCategories: [] },
  });
  await prisma.unit.update({ where: { id: unitId }, data: { status: "OFFERED" } });
  const offer = await prisma.offer.create({
    data: { applicationId: app.id, unitId, status: "ACCEPTED", responseDueDate: dateColumn("2026-03-10"), respondedAt: cstInstant("2026-03-02", "09:00"), offeredAt: cstInstant("2026-03-01") },
    select: { id: true },
  });
  return { offerId: offer.id, unitId, applicationId: app.id, applicationNo: app.applicationNo, tenant };
}

/** A lease drawn up, signed and countersigned through the services (in force from `startDate`). */
export async function leaseInForce(officer: Actor, offer: AcceptedOffer, options: { startDate: string; termMonths?: number; at: Date }): Promise<{ leaseId: string; leaseNo: string }> {
  const lease = await draftLease(officer, { offerId: offer.offerId, startDate: options.startDate, termMonths: options.termMonths ?? 36 }, { now: options.at });
  await signLease(offer.tenant, { leaseId: lease.leaseId, password: TENANT_PASSWORD, agree: "on" }, { now: options.at });
  await countersignLease(officer, { leaseId: lease.leaseId }, { now: options.at });
  return lease;
}
