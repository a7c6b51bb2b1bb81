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
  revalidatePath("/staff", "layout");
  revalidatePath("/publicity", "layout");
  return { ran: results.length > 0, results };
});
