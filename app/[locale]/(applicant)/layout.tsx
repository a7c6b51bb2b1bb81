import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { landingPathFor } from "@/lib/auth/landing";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** The applicant's own area: staff are sent to theirs. Each page checks again for its records. */
export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ returnTo: "/me" });
  if (!can(user, "applicantArea:enter")) redirect(landingPathFor(user));
  return children;
}
