import type { ReactNode } from "react";
import { SiteShell } from "@/components/layout/site-shell";
import { headerSessionFor } from "@/lib/auth/header-session";
import { requirePermission } from "@/lib/auth/session";

// Per request: the workbench reads the session.
export const dynamic = "force-dynamic";

/** The staff workbench: applicants get the 403 page. Each page checks its own permission again. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("staffArea:enter", undefined, { returnTo: "/staff" });
  return <SiteShell session={headerSessionFor(user)}>{children}</SiteShell>;
}
