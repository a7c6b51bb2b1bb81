"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { retryFailedNotice } from "./failed";

export const retryNoticeAction = authedAction(
  z.object({ notificationId: z.string({ error: "validation.invalid" }).trim().min(1, { error: "validation.invalid" }).max(64, { error: "validation.invalid" }) }),
  "notification:manage",
  async (input, { user }) => {
    await retryFailedNotice(user, input);
    revalidatePath("/staff/admin/notifications");
    revalidatePath("/staff/admin");
    return { notificationId: input.notificationId };
  },
);
