"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { addBuildingSchema, addUnitSchema, changeUnitStatusSchema, createEstateSchema, updateEstateSchema, updateUnitSchema } from "./schemas";
import { addBuilding, addUnit, changeUnitStatus, createEstate, updateEstate, updateUnit } from "./stock-service";

// Officers' stock pages are rendered per request; each action refreshes the pages it changed.
// The service decides who manages which estate (municipal or district); the permission named
// here only admits officers who read the stock at all.

export const addBuildingAction = authedAction(addBuildingSchema, "estate:read", async (input, { user }) => {
  const result = await addBuilding(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "page");
  return result;
});

export const addUnitAction = authedAction(addUnitSchema, "estate:read", async (input, { user }) => {
  const result = await addUnit(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "layout");
  return result;
});

export const updateUnitAction = authedAction(updateUnitSchema, "estate:read", async (input, { user }) => {
  const result = await updateUnit(user, input);
  revalidatePath("/[locale]/(staff)/staff/units/[id]", "page");
  return result;
});

export const changeUnitStatusAction = authedAction(changeUnitStatusSchema, "estate:read", async (input, { user }) => {
  const result = await changeUnitStatus(user, input);
  revalidatePath("/[locale]/(staff)/staff/units/[id]", "page");
  return result;
});

export const createEstateAction = authedAction(createEstateSchema, "estate:read", async (input, { user }) => {
  const result = await createEstate(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates", "page");
  return result;
});

export const updateEstateAction = authedAction(updateEstateSchema, "estate:read", async (input, { user }) => {
  const result = await updateEstate(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "page");
  return result;
});
