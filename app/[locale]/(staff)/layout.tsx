import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

/** The staff workbench: applicants get the 403 page. Each page checks its own permission again. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requirePermission("staffArea:enter", undefined, { returnTo: "/staff" });
  return children;
}
