"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { locales } from "@/i18n/config";
import { authedAction } from "@/lib/actions/authed-action";
import { runJobsOnce } from "./scheduler";

/**
 * Runs the scheduled jobs now (publicity closing, final refusals, notices…) instead of waiting for
 * the next minute: for municipal officers and administrators, and for the end-to-end tests.
 */
export const runJobsNowAction = authedAction(z.object({}), "jobs:run", async () => {
  const results = await runJobsOnce();
  revalidatePath("/[locale]/staff", "layout");
  // Whatever the jobs did (or a run in progress is doing) to the publicity: every public batch
  // page and list is made again on its next visit.
  for (const locale of locales) revalidatePath(`/${locale}/publicity`, "layout");
  return { ran: results.length > 0, results };
});
