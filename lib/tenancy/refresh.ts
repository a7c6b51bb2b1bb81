import "server-only";
import { revalidatePath } from "next/cache";

// After a tenancy action: the officers' and the tenant's pages show the change (leases, bills,
// receipts, orders, requests all appear on both sides). Returns the result it is given.
export function refreshedTenancy<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
}
