import { can, homeDistrictOf, type Actor } from "@/lib/auth/permissions";
import { PUBLIC_NAV } from "./header-session";
import type { NavItem } from "./nav-types";

export type { NavItem, NavKey } from "./nav-types";

/** The main navigation for a user, derived from the permission table. */
export function navItemsFor(user: Actor | null): NavItem[] {
  // Art. 19: the publicity lists are public.
  if (!user) return [...PUBLIC_NAV];
  if (can(user, "applicantArea:enter")) return [{ href: "/", key: "home" }, { href: "/me", key: "me" }, { href: "/publicity", key: "publicity" }, { href: "/plans", key: "plansPublic" }, { href: "/waiting-lists", key: "waitingListsPublic" }, { href: "/rent-standards", key: "rentStandardsPublic" }];
  const items: NavItem[] = [];
  if (can(user, "adminArea:enter")) {
    items.push({ href: "/staff/admin", key: "admin" });
  } else if (can(user, "staffArea:enter")) {
    items.push({ href: "/staff", key: "staffHome" });
  }
  // The records of the district the officer belongs to (the page asks application:read).
  const home = homeDistrictOf(user);
  if (home && can(user, "application:read", { districtCode: home })) items.push({ href: `/staff/districts/${home}`, key: "myDistrict" });
  // Art. 19: the review queue, publicity and objections, appeals.
  if (can(user, "review:read")) items.push({ href: "/staff/review", key: "review" });
  if (can(user, "publicity:manage")) items.push({ href: "/staff/publicity", key: "publicityAdmin" });
  if (can(user, "appeal:decide")) items.push({ href: "/staff/appeals", key: "appeals" });
  // Art. 6-11, 23: the housing stock, its buildings and homes.
  if (can(user, "estate:read")) items.push({ href: "/staff/estates", key: "estates" });
  if (can(user, "allocation:manage")) items.push({ href: "/staff/plans", key: "plans" });
  // Art. 24: directed allocation to park enterprises and for temporary resettlement.
  if (can(user, "allocation:manage")) items.push({ href: "/staff/directed", key: "directed" });
  // Art. 25-29: leases drawn up, signed and countersigned; rent bills and payments.
  if (can(user, "lease:manage")) items.push({ href: "/staff/leases", key: "leases" });
  // Art. 33: exchange requests, decided onto the exchange waiting list.
  if (can(user, "lease:manage")) items.push({ href: "/staff/exchanges", key: "exchanges" });
  // Art. 28-29: bank collection files reconciled against the bills.
  if (can(user, "lease:manage")) items.push({ href: "/staff/collections", key: "collections" });
  // Art. 28-39: rent billed and collected, leases ending, arrears and repairs at a glance.
  if (can(user, "lease:manage")) items.push({ href: "/staff/tenancy", key: "tenancyDashboard" });
  // Art. 27: rent standards, their three-yearly review and a second officer's approval.
  if (can(user, "rentStandard:read")) items.push({ href: "/staff/rent-standards", key: "rentStandards" });
  // Art. 29, 39: rent overdue by age, and the arrears of six months that open a vacate procedure.
  if (can(user, "lease:manage")) items.push({ href: "/staff/arrears", key: "arrears" });
  // Art. 35: repair requests assigned, followed and completed.
  if (can(user, "repair:manage")) items.push({ href: "/staff/repairs", key: "repairs" });
  // Art. 35, 43: patrols of the common parts, home visits and other checks of use.
  if (can(user, "inspection:manage")) items.push({ href: "/staff/inspections", key: "inspections" });
  // Art. 35: each estate's maintenance fund against 5 % of its rent income.
  if (can(user, "report:read")) items.push({ href: "/staff/maintenance-fund", key: "maintenanceFund" });
  // Art. 17-18, 20: shared data, annual re-checks, sample audits and rectifications.
  if (can(user, "recheck:manage")) items.push({ href: "/staff/rechecks", key: "rechecks" });
  if (can(user, "sharedData:import")) items.push({ href: "/staff/shared-data", key: "sharedData" });
  if (can(user, "review:sample") || can(user, "rectification:read")) items.push({ href: "/staff/audits", key: "audits" });
  // Art. 13.4: the reference figures that pre-checks and re-checks use.
  if (can(user, "referenceIncome:manage")) items.push({ href: "/staff/reference-incomes", key: "referenceIncomes" });
  if (can(user, "user:manage")) items.push({ href: "/staff/admin/users", key: "users" });
  return items;
}
