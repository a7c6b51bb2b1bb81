import { can, type Actor } from "@/lib/auth/permissions";

export type NavKey = "home" | "me" | "staffHome" | "myDistrict" | "admin" | "users";
export interface NavItem {
  href: string;
  key: NavKey;
}

/** The main navigation for a user, derived from the role and the permission table. */
export function navItemsFor(user: Actor | null): NavItem[] {
  if (!user) return [{ href: "/", key: "home" }];
  if (user.role === "APPLICANT") return [{ href: "/", key: "home" }, { href: "/me", key: "me" }];
  const items: NavItem[] = [];
  if (user.role === "ADMIN") {
    items.push({ href: "/staff/admin", key: "admin" });
  } else {
    items.push({ href: "/staff", key: "staffHome" });
  }
  if (user.role === "DISTRICT_OFFICER" && user.districtCode && can(user, "district:read", { districtCode: user.districtCode })) {
    items.push({ href: `/staff/districts/${user.districtCode}`, key: "myDistrict" });
  }
  if (can(user, "user:manage")) items.push({ href: "/staff/admin/users", key: "users" });
  return items;
}

/** The item the current path belongs to: the longest href that is the path or a parent of it. */
export function activeHref(items: Array<{ href: string }>, pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
