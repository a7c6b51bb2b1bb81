import { describe, expect, it } from "vitest";
import { activeHref } from "./active-href";
import { navItemsFor } from "./nav-items";

describe("navItemsFor", () => {
  it("shows each role its own places", () => {
    expect(navItemsFor(null).map((i) => i.key)).toEqual(["home", "publicity", "plansPublic", "waitingListsPublic", "rentStandardsPublic"]);
    expect(navItemsFor({ id: "a", role: "APPLICANT", districtCode: null }).map((i) => i.key)).toEqual(["home", "me", "publicity", "plansPublic", "waitingListsPublic", "rentStandardsPublic"]);
    expect(navItemsFor({ id: "d", role: "DISTRICT_OFFICER", districtCode: "500103" })).toEqual([
      { href: "/staff", key: "staffHome" },
      { href: "/staff/districts/500103", key: "myDistrict" },
      { href: "/staff/review", key: "review" },
      { href: "/staff/publicity", key: "publicityAdmin" },
      { href: "/staff/estates", key: "estates" },
      { href: "/staff/plans", key: "plans" },
      { href: "/staff/directed", key: "directed" },
      { href: "/staff/leases", key: "leases" },
      { href: "/staff/exchanges", key: "exchanges" },
      { href: "/staff/collections", key: "collections" },
      { href: "/staff/tenancy", key: "tenancyDashboard" },
      { href: "/staff/rent-standards", key: "rentStandards" },
      { href: "/staff/arrears", key: "arrears" },
      { href: "/staff/repairs", key: "repairs" },
      { href: "/staff/inspections", key: "inspections" },
      { href: "/staff/maintenance-fund", key: "maintenanceFund" },
      { href: "/staff/rechecks", key: "rechecks" },
      { href: "/staff/shared-data", key: "sharedData" },
      { href: "/staff/audits", key: "audits" },
    ]);
    expect(navItemsFor({ id: "m", role: "MUNICIPAL_OFFICER", districtCode: null }).map((i) => i.key)).toEqual(["staffHome", "review", "publicityAdmin", "appeals", "estates", "plans", "directed", "leases", "exchanges", "collections", "tenancyDashboard", "rentStandards", "arrears", "repairs", "inspections", "maintenanceFund", "sharedData", "audits", "referenceIncomes"]);
    expect(navItemsFor({ id: "x", role: "ADMIN", districtCode: null }).map((i) => i.key)).toEqual(["admin", "users"]);
  });
});

describe("activeHref", () => {
  const items = [{ href: "/staff/admin" }, { href: "/staff/admin/users" }, { href: "/" }];
  it("picks the deepest match", () => {
    expect(activeHref(items, "/staff/admin/users")).toBe("/staff/admin/users");
    expect(activeHref(items, "/staff/admin")).toBe("/staff/admin");
    expect(activeHref(items, "/")).toBe("/");
    expect(activeHref(items, "/login")).toBeNull();
  });
});
