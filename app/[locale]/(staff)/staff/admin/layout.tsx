import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePermission("adminArea:enter", undefined, { returnTo: "/staff/admin" });
  return children;
}
