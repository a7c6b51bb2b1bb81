"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { runJobsOnce } from "./scheduler";

/**
 * Runs the scheduled jobs now (publicity closing, final refusals, notices…) instead of waiting for
 * the next minute: for municipal officers and administrators, and for the end-to-end tests.
 */
export const runJobsNowAction = authedAction(z.object({}), "jobs:run", async () => {
  const results = await runJobsOnce();
  revalidatePath("/[locale]/(staff)/staff", "layout");
  // Whatever the jobs did (or a run in progress is doing) to the publicity: every public batch
  // page and list is made again on its next visit (Next tags cached pages with their route's
  // layouts, groups included).
  revalidatePath("/[locale]/(public)/publicity", "layout");
  return { ran: results.length > 0, results };
});
