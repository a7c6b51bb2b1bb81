"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { districtOfReach } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { confirmRecheckCancellation, dismissRecheck, runAnnualRecheck } from "./recheck-service";
import { confirmCancellationSchema, dismissRecheckSchema, runRecheckSchema } from "./schemas";
import { todayCST } from "@/lib/clock";

// Server actions of the annual re-check (Art. 20): thin wrappers around recheck-service.

export const runRecheckAction = authedAction(runRecheckSchema, "recheck:manage", async (_input, { user }) => {
  // An officer starts the re-check of the district their reach is confined to.
  const districtCode = districtOfReach(user, "recheck:manage");
  if (!districtCode) throw new AppError("FORBIDDEN");
  const year = Number(todayCST().slice(0, 4));
  const result = await runAnnualRecheck({ districtCode, year, actor: user });
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
