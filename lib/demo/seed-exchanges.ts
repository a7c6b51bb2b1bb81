import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import { residentIdCheckChar } from "@/lib/rules/identity";
import type { ISODate } from "@/lib/rules/types";
import { issueBillsForLease } from "@/lib/tenancy/billing";
import { RENT_PAYMENT_DAYS } from "@/lib/tenancy/billing-rules";
import { settleReceipt } from "@/lib/tenancy/payments";
import { decideExchange, requestExchange } from "@/lib/tenancy/exchanges";
import { countersignLease, draftLease, signLease } from "@/lib/tenancy/leases";
import { qualifiedHistory } from "./seed-allocation";

// Tenants of 安居·枫林苑 for exchanges (Art. 33), through the services: a couple in a one-bedroom
// who may ask to exchange after the birth of their child (the journey's start), and a couple whose
// parents moved in, whose request for a three-bedroom was approved: they wait on the estate's
// exchange list. Each household is qualified and accepted its unit as rows; from the offer on, the
// lease is drawn up, signed with the password and countersigned by the services.

export interface ExchangeTenant {
  phone: string;
  name: string;
  note: string;
}

export const DEMO_EXCHANGE_START: ExchangeTenant = { phone: "13800000071", name: "许静", note: "tenant: a couple in a one-bedroom; may request an exchange after a birth (Art. 33)" };
export const DEMO_EXCHANGE_PENDING: ExchangeTenant = { phone: "13800000072", name: "朱明", note: "tenant: exchange to a three-bedroom approved (parents moved in), waiting on the exchange list (Art. 33)" };
export const DEMO_EXCHANGE_TENANTS = [DEMO_EXCHANGE_START, DEMO_EXCHANGE_PENDING];

const ESTATE = "YZ-001";
const DISTRICT = "500103";

function residentId(birth: ISODate, sequence: number): string {
  const first17 = `${DISTRICT}${birth.replaceAll("-", "")}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

function moment(date: ISODate, minutes = 9 * 60): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + minutes * 60_000);
}

/** A qualified couple with an account that accepted a vacant one-bedroom of the estate, its lease in force from `start`. */
async function coupleInOneBedroom(officer: Actor, tenant: ExchangeTenant, index: number, start: ISODate, today: ISODate, passwordHash: string, password: string): Promise<{ leaseId: string; leaseNo: string; actor: Actor }> {
  const estate = await prisma.estate.findUniqueOrThrow({ where: { code: ESTATE }, select: { id: true } });
  const unit = await prisma.unit.findFirstOrThrow({
    where: { estateId: estate.id, unitType: "ONE_BEDROOM", status: "VACANT", planUnits: { none: {} } },
    select: { id: true },
    orderBy: [{ floor: "desc" }, { unitNo: "desc" }],
  });
  const acceptedOn = addDays(start, -10);
  const userId = randomUUID();
  const applicationId = randomUUID();
  const accepted = moment(addDays(acceptedOn, -200));
  const birth = (year: number, md: string) => `${year}-${md}` as ISODate;
  await prisma.$transaction(async (tx) => {
    await tx.user.create({ data: { id: userId, role: "APPLICANT", name: tenant.name, phone: tenant.phone, passwordHash } });
    await tx.application.create({
      data: {
        id: applicationId,
        applicationNo: `GZF-${DISTRICT}-${acceptedOn.slice(0, 4)}-5${String(index).padStart(4, "0")}`,
        source: "PORTAL",
        applicantUserId: userId,
        contactPhone: tenant.phone,
        districtCode: DISTRICT,
        estateLevel: "MUNICIPAL",
        status: "ALLOCATED",
        preferredUnitType: "ONE_BEDROOM",
        submittedAt: new Date(accepted.getTime() - 86_400_000),
        acceptedAt: accepted,
        qualifiedAt: new Date(accepted.getTime() + 30 * 86_400_000),
        statusChangedAt: moment(acceptedOn),
        consentedAt: accepted,
        declaredTrueAt: accepted,
        members: {
          create: [
            { relationship: "APPLICANT", name: tenant.name, residentId: residentId(birth(1990 + index, "04-12"), 931 + 2 * index), sex: "M", birthDate: dateColumn(birth(1990 + index, "04-12")), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeFen: 4_000_000 },
            { relationship: "SPOUSE", name: `${tenant.name.slice(0, 1)}妻`, residentId: residentId(birth(1991 + index, "09-23"), 932 + 2 * index), sex: "F", birthDate: dateColumn(birth(1991 + index, "09-23")), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeFen: 2_400_000 },
          ],
        },
        estatePreferences: { create: [{ estateId: estate.id, rank: 1 }] },
        declaration: { create: { employment: "LABOR_CONTRACT", employerName: "重庆某商贸有限公司", workDistrictCode: DISTRICT, ownsUrbanHousingInCity: false, familyCanSupportHousing: false, priorityCategories: [] } },
      },
    });
    // The history its rows stand for: qualified (Art. 16-19), then allocated (Art. 23).
    await tx.applicationStatusEvent.createMany({
      data: [...qualifiedHistory(applicationId, accepted), { applicationId, fromStatus: "QUALIFIED" as const, toStatus: "ALLOCATED" as const, at: moment(acceptedOn) }],
    });
    await tx.qualification.create({ data: { applicationId, qualifiedOn: dateColumn(addDays(acceptedOn, -170)), entitledUnitType: "ONE_BEDROOM" } });
    await tx.unit.update({ where: { id: unit.id }, data: { status: "OFFERED" } });
  });
  const offer = await prisma.offer.create({
    data: { applicationId, unitId: unit.id, status: "ACCEPTED", offeredAt: moment(addDays(acceptedOn, -3)), respondedAt: moment(acceptedOn), responseDueDate: dateColumn(addDays(acceptedOn, 2)) },
    select: { id: true },
  });
  const actor: Actor = { id: userId, role: "APPLICANT", districtCode: null };
  const { leaseId, leaseNo } = await draftLease(officer, { offerId: offer.id, startDate: start, termMonths: 36 }, { now: moment(addDays(start, -5)) });
  await signLease(actor, { leaseId, password, agree: "on" }, { now: moment(addDays(start, -4)) });
  await countersignLease(officer, { leaseId }, { now: moment(addDays(start, -3)) });
  await issueBillsForLease(prisma, leaseId, today, moment(start));
  await payOnTime(leaseId, leaseNo, today);
  return { leaseId, leaseNo, actor };
}

/** Every bill due by today paid on its 6th day (these households pay on time). */
async function payOnTime(leaseId: string, leaseNo: string, today: ISODate) {
  const bills = await prisma.bill.findMany({ where: { leaseId, status: "UNPAID" }, select: { periodStart: true, amountFen: true }, orderBy: { periodStart: "asc" } });
  for (const bill of bills) {
    const start = fromDateColumn(bill.periodStart);
    if (addDays(start, RENT_PAYMENT_DAYS - 1) >= today) continue;
    const paidOn = addDays(start, 5);
    await prisma.$transaction((tx) =>
      settleReceipt(tx, { leaseId, amountFen: bill.amountFen, method: "BANK_TRANSFER", reference: `demo:${leaseNo}:${start}`, paidAt: moment(paidOn, 10 * 60), paidOn, recordedById: null }),
    );
  }
}

export async function seedExchanges(today: ISODate, passwordHash: string, password: string): Promise<void> {
  const officer = await prisma.user.findUniqueOrThrow({ where: { username: "yuzhong.officer" }, select: { id: true, role: true, districtCode: true } });

  // Ten months into a three-year lease; the exchange is theirs to ask for.
  await coupleInOneBedroom(officer, DEMO_EXCHANGE_START, 1, addDays(addMonths(today, -10), 4), today, passwordHash, password);

  // A year in; the husband's parents moved in two months ago; asked a month ago, approved a week later.
  const pending = await coupleInOneBedroom(officer, DEMO_EXCHANGE_PENDING, 2, addDays(addMonths(today, -12), 8), today, passwordHash, password);
  const asked = addDays(today, -30);
  const { requestId } = await requestExchange(
    pending.actor,
    { leaseId: pending.leaseId, reason: "HOUSEHOLD_GREW", requestedUnitType: "THREE_BEDROOM", addedMembers: 2, description: "丈夫的父母年迈，已搬来同住，家庭增至4人（演示）。", formKey: `demo-exchange-${pending.leaseId}` },
    { now: moment(asked, 20 * 60) },
  );
  await decideExchange(officer, { requestId, decision: "APPROVE", reason: "经核实户籍及居住证明，家庭增至4人，同意换租三室一厅，进入换租轮候（第三十三条）。", internalNote: "已入户核实（演示）" }, { now: moment(addDays(asked, 7), 10 * 60) });
}
