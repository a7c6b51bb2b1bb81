// The navigation's shape, apart from nav-items.ts (which reads the permission table) so that
// client components can name it.

export type NavKey =
  | "home"
  | "me"
  | "staffHome"
  | "myDistrict"
  | "admin"
  | "users"
  | "sharedData"
  | "rechecks"
  | "audits"
  | "review"
  | "publicityAdmin"
  | "appeals"
  | "publicity"
  | "referenceIncomes"
  | "estates"
  | "plans"
  | "directed"
  | "leases"
  | "exchanges"
  | "collections"
  | "arrears"
  | "tenancyDashboard"
  | "repairs"
  | "inspections"
  | "maintenanceFund"
  | "plansPublic"
  | "waitingListsPublic"
  | "rentStandards"
  | "rentStandardsPublic";

export interface NavItem {
  href: string;
  key: NavKey;
}
