import type { Role } from "@/lib/generated/prisma/enums";
import type { NavItem } from "./nav-types";

// What the header shows of the signed-in user: small enough for a JSON answer on every page
// load, decided on the server (lib/auth/header-session.ts), so that the permission table stays
// out of the browser (decision 009, 011).

export interface HeaderSession {
  name: string;
  role: Role;
  /** The main navigation for the user's role. */
  nav: NavItem[];
  /** Where the user works: /me, /staff or /staff/admin. */
  landing: string;
  /** An applicant (goes to "my application"), not an officer (goes to the workbench). */
  isApplicant: boolean;
}

/** The navigation of a visitor who is not signed in (Art. 19: the publicity lists are public). */
export const PUBLIC_NAV: readonly NavItem[] = [
  { href: "/", key: "home" },
  { href: "/publicity", key: "publicity" },
  { href: "/plans", key: "plansPublic" },
  { href: "/waiting-lists", key: "waitingListsPublic" },
  // Art. 27: rent standards are published.
  { href: "/rent-standards", key: "rentStandardsPublic" },
];
