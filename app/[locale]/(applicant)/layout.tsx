import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AreaShell } from "@/components/layout/area-shell";
import { headerSessionFor } from "@/lib/auth/header-session";
import { landingPathFor } from "@/lib/auth/landing";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

// Per request: the applicant's own pages read the session.
export const dynamic = "force-dynamic";

/** The applicant's own area: staff are sent to theirs. Each page checks again for its records. */
export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ returnTo: "/me" });
  if (!can(user, "applicantArea:enter")) redirect(landingPathFor(user));
  return <AreaShell session={headerSessionFor(user)}>{children}</AreaShell>;
}
