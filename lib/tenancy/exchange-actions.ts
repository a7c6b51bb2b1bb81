"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import {
  countersignExchangeSchema,
  decideExchangeSchema,
  offerFromExchangeListSchema,
  openMandatoryExchangeSchema,
  requestExchangeSchema,
  withdrawExchangeSchema,
} from "./exchange-schemas";
import { countersignExchangeLease, decideExchange, offerFromExchangeList, openMandatoryExchange, requestExchange, withdrawExchange } from "./exchanges";
import { refreshedTenancy } from "./refresh";

// Exchanges (Art. 33): the tenant asks and may withdraw on their own lease; an officer of the
// district decides, opens a mandatory exchange, offers a vacant unit from the exchange list and
// countersigns the exchange lease with the old unit's move-out check.

const refreshed = refreshedTenancy;

export const requestExchangeAction = authedAction(requestExchangeSchema, "lease:read", async (input, { user }) => refreshed(await requestExchange(user, input)));
export const withdrawExchangeAction = authedAction(withdrawExchangeSchema, "lease:read", async (input, { user }) => refreshed(await withdrawExchange(user, input)));
export const decideExchangeAction = authedAction(decideExchangeSchema, "lease:manage", async (input, { user }) => refreshed(await decideExchange(user, input)));
export const openMandatoryExchangeAction = authedAction(openMandatoryExchangeSchema, "lease:manage", async (input, { user }) => refreshed(await openMandatoryExchange(user, input)));
export const countersignExchangeAction = authedAction(countersignExchangeSchema, "lease:manage", async (input, { user }) => refreshed(await countersignExchangeLease(user, input)));
export const offerFromExchangeListAction = authedAction(offerFromExchangeListSchema, "allocation:manage", async (input, { user }) => {
  const result = await offerFromExchangeList(user, input);
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
});
