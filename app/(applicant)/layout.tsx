import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { landingPathFor } from "@/lib/auth/landing";
import { requireUser } from "@/lib/auth/session";

/** The applicant's own area: staff are sent to theirs. Each page checks again for its records. */
export default async function ApplicantLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ returnTo: "/me" });
  if (user.role !== "APPLICANT") redirect(landingPathFor(user.role));
  return children;
}
