"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { districtOfReach } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { confirmRecheckCancellation, dismissRecheck, runAnnualRecheck } from "./recheck-service";
import { confirmCancellationSchema, confirmTenancyEndSchema, dismissRecheckSchema, runRecheckSchema } from "./schemas";
import { confirmTenancyEnd, runTenancyCheck } from "./tenancy-check";
import { todayCST } from "@/lib/clock";

// Server actions of the annual re-check of qualifications (Art. 20) and of tenancies (Art. 42):
// thin wrappers around recheck-service and tenancy-check.

export const runRecheckAction = authedAction(runRecheckSchema, "recheck:manage", async (input, { user }) => {
  // An officer starts the check of the district their reach is confined to.
  const districtCode = districtOfReach(user, "recheck:manage");
  if (!districtCode) throw new AppError("FORBIDDEN");
  const year = Number(todayCST().slice(0, 4));
  const run = input.kind === "TENANCY" ? runTenancyCheck : runAnnualRecheck;
  const result = await run({ districtCode, year, actor: user });
  revalidatePath("/staff/rechecks");
  return result;
});

export const confirmCancellationAction = authedAction(confirmCancellationSchema, "recheck:manage", async (input, { user }) => {
  await confirmRecheckCancellation(user, input);
  revalidatePath("/staff/rechecks");
  // The page no longer has the forms: show the outcome at its top (works without JavaScript too).
  redirect(`/staff/rechecks/${input.recheckId}?done=cancelled`);
});

export const dismissRecheckAction = authedAction(dismissRecheckSchema, "recheck:manage", async (input, { user }) => {
  await dismissRecheck(user, input);
  revalidatePath("/staff/rechecks");
  redirect(`/staff/rechecks/${input.recheckId}?done=dismissed`);
});

export const confirmTenancyEndAction = authedAction(confirmTenancyEndSchema, "recheck:manage", async (input, { user }) => {
  await confirmTenancyEnd(user, input);
  revalidatePath("/staff/rechecks");
  redirect(`/staff/rechecks/${input.recheckId}?done=ended`);
});
