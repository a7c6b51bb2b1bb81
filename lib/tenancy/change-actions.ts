"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { reportChange, reviewChange } from "./change-reports";
import { reportChangeSchema, reviewChangeSchema } from "./change-schemas";

// Change reports (Art. 42): the tenant reports on their own lease; an officer of the district reviews.

const refreshed = refreshedTenancy;

export const reportChangeAction = authedAction(reportChangeSchema, "lease:read", async (input, { user }) => refreshed(await reportChange(user, input)));
export const reviewChangeAction = authedAction(reviewChangeSchema, "lease:manage", async (input, { user }) => refreshed(await reviewChange(user, input)));
