"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { publicDirectedChanged } from "./public-cache";
import { addNominee, assignNominee, closeDirected, createDirected } from "./directed";
import { addNomineeSchema, assignNomineeSchema, closeDirectedSchema, createDirectedSchema } from "./directed-schemas";

// Directed allocation (Art. 24): the officers' steps. The services decide who manages the estate.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff/directed", "layout");
  publicDirectedChanged();
  return result;
}

export const createDirectedAction = authedAction(createDirectedSchema, "allocation:manage", async (input, { user }) => refreshed(await createDirected(user, input)));
export const addNomineeAction = authedAction(addNomineeSchema, "allocation:manage", async (input, { user }) => refreshed(await addNominee(user, input)));
export const assignNomineeAction = authedAction(assignNomineeSchema, "allocation:manage", async (input, { user }) => refreshed(await assignNominee(user, input)));
export const closeDirectedAction = authedAction(closeDirectedSchema, "allocation:manage", async (input, { user }) => refreshed(await closeDirected(user, input)));
