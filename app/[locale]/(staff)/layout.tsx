import type { ReactNode } from "react";
import { AreaShell } from "@/components/layout/area-shell";
import { headerSessionFor } from "@/lib/auth/header-session";
import { requirePermission } from "@/lib/auth/session";

// Per request: the workbench reads the session.
export const dynamic = "force-dynamic";

/** The staff workbench: applicants get the 403 page. Each page checks its own permission again. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("staffArea:enter", undefined, { returnTo: "/staff" });
  return <AreaShell session={headerSessionFor(user)}>{children}</AreaShell>;
}
