import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { UnitType } from "@/lib/generated/prisma/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import { residentIdCheckChar } from "@/lib/rules/identity";
import { leaseEndDate } from "@/lib/rules/lease";
import type { ISODate } from "@/lib/rules/types";
import { issueBillsForLease, issueTransitionBills } from "@/lib/tenancy/billing";
import { RENT_PAYMENT_DAYS } from "@/lib/tenancy/billing-rules";
import { countersignLease, draftLease, signLease } from "@/lib/tenancy/leases";
import { issueVacateOrder } from "@/lib/tenancy/leaving";
import { settleReceipt } from "@/lib/tenancy/payments";
import { qualifiedHistory } from "./seed-allocation";

// Tenants of 安居·枫林苑 in the states of leaving (Art. 38-41), through the services: a lease whose
// 12-month term ended last month without a renewal request (the officer may order the move-out), one
// held over under a vacate order in its 3-month transition at 1.5 x rent, one seven months in
// arrears with late fees running (Art. 39), and one paying on time (where a violation may be
// recorded), and two whose terms end soon, one in time to request renewal and one too late
// (Art. 32). Each household is qualified and accepted its unit as rows; from the offer on, the
// lease is drawn up, signed with the password and countersigned by the services, billed and paid.

export interface LeavingTenant {
  phone: string;
  name: string;
  note: string;
}

export const DEMO_TERM_ENDED: LeavingTenant = { phone: "13800000017", name: "冯磊", note: "tenant: 12-month lease ended last month, no renewal asked; yuzhong.officer may order the move-out (Art. 38)" };
export const DEMO_TRANSITION: LeavingTenant = { phone: "13800000018", name: "曹丽", note: "tenant: term ended, vacate order with the 3-month transition, rent billed at 1.5x (Art. 38)" };
export const DEMO_ARREARS: LeavingTenant = { phone: "13800000019", name: "袁刚", note: "tenant: seven months of rent unpaid, late fees running (Art. 29, 39)" };
export const DEMO_VIOLATION: LeavingTenant = { phone: "13800000020", name: "邓洁", note: "tenant: pays on time; yuzhong.officer may record a violation (Art. 31, 40)" };
export const DEMO_RENEWAL_DUE: LeavingTenant = { phone: "13800000021", name: "韩梅", note: "tenant: 12-month lease ends in about four months; may request renewal until a month from now (Art. 32)" };
export const DEMO_RENEWAL_LATE: LeavingTenant = { phone: "13800000022", name: "曾强", note: "tenant: 12-month lease ends in about two months; the last day to request renewal has passed (Art. 32)" };
export const DEMO_CHECK_FAILED: LeavingTenant = { phone: "13800000031", name: "蒋涛", note: "tenant: the land registry now shows a home bought; the annual tenancy check lists him for yuzhong.officer (Art. 42)" };
export const DEMO_LEAVING_TENANTS = [DEMO_TERM_ENDED, DEMO_TRANSITION, DEMO_ARREARS, DEMO_VIOLATION, DEMO_RENEWAL_DUE, DEMO_RENEWAL_LATE, DEMO_CHECK_FAILED];

const ESTATE = "YZ-001";
const DISTRICT = "500103";

function residentId(birth: ISODate, sequence: number): string {
  const first17 = `${DISTRICT}${birth.replaceAll("-", "")}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

/** A CST instant on `date`, `minutes` after midnight (9:00 by default). */
export function moment(date: ISODate, minutes = 9 * 60): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + minutes * 60_000);
}

/** Who a demo couple are: the number series of their application, their birth years, incomes and employer. */
export interface DemoCouple {
  /** The digit that starts the application number's sequence (6 for leaving, 5 for exchanges). */
  series: string;
  applicantBirth: ISODate;
  spouseBirth: ISODate;
  /** The first of the two resident-ID sequence numbers (three digits). */
  idSequence: number;
  incomesFen: [number, number];
  employerName: string;
}

/** The couples of this file: born in the 1980s, earning 42,000 and 26,000 yuan. */
function leavingCouple(index: number): DemoCouple {
  return { series: "6", applicantBirth: `198${index}-03-1${index}`, spouseBirth: `198${index + 1}-07-2${index}`, idSequence: 901 + 2 * index, incomesFen: [4_200_000, 2_600_000], employerName: "重庆某服务有限公司" };
}

/** A qualified couple with an account that accepted a vacant unit of the estate: the offer's id. */
async function acceptedHousehold(tenant: LeavingTenant, index: number, unitType: UnitType, acceptedOn: ISODate, passwordHash: string, couple: DemoCouple): Promise<{ offerId: string; actor: Actor }> {
  const estate = await prisma.estate.findUniqueOrThrow({ where: { code: ESTATE }, select: { id: true } });
  const unit = await prisma.unit.findFirstOrThrow({
    where: { estateId: estate.id, unitType, status: "VACANT", planUnits: { none: {} } },
    select: { id: true },
    orderBy: [{ floor: "desc" }, { unitNo: "desc" }],
  });
  const userId = randomUUID();
  const applicationId = randomUUID();
  const accepted = moment(addDays(acceptedOn, -200));
  await prisma.$transaction(async (tx) => {
    await tx.user.create({ data: { id: userId, role: "APPLICANT", name: tenant.name, phone: tenant.phone, passwordHash } });
    await tx.application.create({
      data: {
        id: applicationId,
        applicationNo: `GZF-${DISTRICT}-${acceptedOn.slice(0, 4)}-${couple.series}${String(index).padStart(4, "0")}`,
        source: "PORTAL",
        applicantUserId: userId,
        contactPhone: tenant.phone,
        districtCode: DISTRICT,
        estateLevel: "MUNICIPAL",
        status: "ALLOCATED",
        preferredUnitType: unitType,
        submittedAt: new Date(accepted.getTime() - 86_400_000),
        acceptedAt: accepted,
        qualifiedAt: new Date(accepted.getTime() + 30 * 86_400_000),
        statusChangedAt: moment(acceptedOn),
        consentedAt: accepted,
        declaredTrueAt: accepted,
        members: {
          create: [
            { relationship: "APPLICANT", name: tenant.name, residentId: residentId(couple.applicantBirth, couple.idSequence), sex: "M", birthDate: dateColumn(couple.applicantBirth), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeFen: couple.incomesFen[0] },
            { relationship: "SPOUSE", name: `${tenant.name.slice(0, 1)}妻`, residentId: residentId(couple.spouseBirth, couple.idSequence + 1), sex: "F", birthDate: dateColumn(couple.spouseBirth), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeFen: couple.incomesFen[1] },
          ],
        },
        estatePreferences: { create: [{ estateId: estate.id, rank: 1 }] },
        declaration: { create: { employment: "LABOR_CONTRACT", employerName: couple.employerName, workDistrictCode: DISTRICT, ownsUrbanHousingInCity: false, familyCanSupportHousing: false, priorityCategories: [] } },
      },
    });
    // The history its rows stand for: qualified (Art. 16-19), then allocated (Art. 23).
    await tx.applicationStatusEvent.createMany({
      data: [...qualifiedHistory(applicationId, accepted), { applicationId, fromStatus: "QUALIFIED" as const, toStatus: "ALLOCATED" as const, at: moment(acceptedOn) }],
    });
    await tx.qualification.create({ data: { applicationId, qualifiedOn: dateColumn(addDays(acceptedOn, -170)), entitledUnitType: unitType } });
    await tx.unit.update({ where: { id: unit.id }, data: { status: "OFFERED" } });
  });
  const offer = await prisma.offer.create({
    data: { applicationId, unitId: unit.id, status: "ACCEPTED", offeredAt: moment(addDays(acceptedOn, -3)), respondedAt: moment(acceptedOn), responseDueDate: dateColumn(addDays(acceptedOn, 2)) },
    select: { id: true },
  });
  return { offerId: offer.id, actor: { id: userId, role: "APPLICANT", districtCode: null } };
}

/**
 * A couple's lease of a unit of `unitType` from `start` for `termMonths`, in force through the
 * services, billed through today; the first `paid` bills paid on time. For the other demo files too.
 */
export async function demoTenancy(
  officer: Actor,
  tenant: LeavingTenant,
  index: number,
  o: { start: ISODate; termMonths: number; today: ISODate; paid: number; unitType: UnitType; couple: DemoCouple; passwordHash: string; password: string },
): Promise<{ leaseId: string; leaseNo: string; actor: Actor }> {
  const { start, termMonths, today } = o;
  const { offerId, actor } = await acceptedHousehold(tenant, index, o.unitType, addDays(start, -10), o.passwordHash, o.couple);
  const at = moment(addDays(start, -5));
  const { leaseId, leaseNo } = await draftLease(officer, { offerId, startDate: start, termMonths }, { now: at });
  await signLease(actor, { leaseId, password: o.password, agree: "on" }, { now: moment(addDays(start, -4)) });
  await countersignLease(officer, { leaseId }, { now: moment(addDays(start, -3)) });
  await issueBillsForLease(prisma, leaseId, addDays(today, -1) < leaseEndDate(start, termMonths) ? today : leaseEndDate(start, termMonths), moment(start));
  await payOnTime(leaseId, leaseNo, today, o.paid);
  return { leaseId, leaseNo, actor };
}

/** This file's tenancies: a couple of the 1980s in a two-bedroom (even index) or a one-bedroom. */
function tenancy(officer: Actor, tenant: LeavingTenant, index: number, start: ISODate, termMonths: number, today: ISODate, paid: number, passwordHash: string, password: string) {
  return demoTenancy(officer, tenant, index, { start, termMonths, today, paid, unitType: index % 2 === 0 ? "TWO_BEDROOM" : "ONE_BEDROOM", couple: leavingCouple(index), passwordHash, password });
}

/** The first `count` bills (by period) paid on their 6th day, if due by today. */
async function payOnTime(leaseId: string, leaseNo: string, today: ISODate, count: number) {
  const bills = await prisma.bill.findMany({ where: { leaseId, status: "UNPAID" }, select: { periodStart: true, amountFen: true }, orderBy: { periodStart: "asc" }, take: count });
  for (const [k, bill] of bills.entries()) {
    const start = fromDateColumn(bill.periodStart);
    const paidOn = addDays(start, 5);
    if (addDays(start, RENT_PAYMENT_DAYS - 1) >= today) continue;
    await prisma.$transaction((tx) =>
      settleReceipt(tx, { leaseId, amountFen: bill.amountFen, method: k % 2 === 0 ? "BANK_TRANSFER" : "ONLINE", reference: `demo:${leaseNo}:${start}`, paidAt: moment(paidOn, 10 * 60), paidOn, recordedById: null }),
    );
  }
}

export async function seedLeaving(today: ISODate, passwordHash: string, password: string): Promise<void> {
  const officer = await prisma.user.findUniqueOrThrow({ where: { username: "yuzhong.officer" }, select: { id: true, role: true, districtCode: true } });

  // A 12-month lease whose last day was about three weeks ago; every bill paid.
  const endedStart = addDays(addMonths(today, -12), -20);
  await tenancy(officer, DEMO_TERM_ENDED, 1, endedStart, 12, today, 12, passwordHash, password);

  // A 12-month lease that ended about five weeks ago; the vacate order came a week after, with the
  // 3-month transition: the periods since are billed at 1.5 x, the first one paid.
  const transitionStart = addDays(addMonths(today, -13), -5);
  const held = await tenancy(officer, DEMO_TRANSITION, 2, transitionStart, 12, today, 12, passwordHash, password);
  const orderedOn = addDays(addMonths(transitionStart, 12), 7);
  await issueVacateOrder(
    officer,
    { leaseId: held.leaseId, ground: "TERM_ENDED_NO_RENEWAL", transitionGranted: "on", deadline: addDays(addMonths(addMonths(transitionStart, 12), 3), -1), reason: "租赁合同期满，未在期满3个月前申请续租（演示）。" },
    { now: moment(orderedOn) },
  );
  await issueTransitionBills(prisma, held.leaseId, today, moment(today, 60));
  await payOnTime(held.leaseId, held.leaseNo, today, 1);

  // Eight months in; the first bill paid, the seven since unpaid (Art. 39: six months or more).
  const arrearsStart = addDays(addMonths(today, -7), -12);
  await tenancy(officer, DEMO_ARREARS, 3, arrearsStart, 36, today, 1, passwordHash, password);

  // Ten months in, every bill paid on time.
  await tenancy(officer, DEMO_VIOLATION, 4, addDays(addMonths(today, -10), -3), 36, today, 12, passwordHash, password);

  // 12-month leases, paid on time: one ends in about four months (renewal may be asked for), one in
  // about two (the last day to ask, three months before the end, has passed).
  await tenancy(officer, DEMO_RENEWAL_DUE, 5, addDays(addMonths(today, -8), 5), 12, today, 12, passwordHash, password);
  await tenancy(officer, DEMO_RENEWAL_LATE, 6, addDays(addMonths(today, -10), 5), 12, today, 12, passwordHash, password);

  // Fourteen months into a 36-month lease, paid on time; the household has since bought a home,
  // which the land registry's file shows (seed.ts imports it), so the annual check lists it (Art. 42).
  await tenancy(officer, DEMO_CHECK_FAILED, 8, addDays(addMonths(today, -14), 3), 36, today, 14, passwordHash, password);
}
