import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { decideExchange, requestExchange } from "@/lib/tenancy/exchanges";
import { demoTenancy, moment, type DemoCouple } from "./seed-leaving";

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

/** A couple of the 1990s in a one-bedroom, earning 40,000 and 24,000 yuan. */
function exchangeCouple(index: number): DemoCouple {
  return { series: "5", applicantBirth: `${1990 + index}-04-12`, spouseBirth: `${1991 + index}-09-23`, idSequence: 931 + 2 * index, incomesFen: [4_000_000, 2_400_000], employerName: "重庆某商贸有限公司" };
}

/** A qualified couple with an account that accepted a vacant one-bedroom of the estate, its three-year lease in force from `start`, every bill paid on time. */
function coupleInOneBedroom(officer: Actor, tenant: ExchangeTenant, index: number, start: ISODate, today: ISODate, passwordHash: string, password: string) {
  return demoTenancy(officer, tenant, index, { start, termMonths: 36, today, paid: 1_000, unitType: "ONE_BEDROOM", couple: exchangeCouple(index), passwordHash, password });
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
