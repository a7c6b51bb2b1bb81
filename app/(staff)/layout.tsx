import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";

/** Staff only: applicants get the 403 page. Each page checks its own permission again. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ returnTo: "/staff" });
  if (user.role === "APPLICANT") forbidden();
  return children;
}
