import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, newPage } from "./support";

// The officers' tenancy dashboard as an officer opens it: rent billed and collected by month, the
// leases ending soon with whether renewal was asked, the arrears and the repairs, on a desk and on
// a phone.

const LATE = "13800000022"; // 曾强: ends in about two months, lib/demo/seed-leaving.ts
const ARREARS = "13800000019"; // 袁刚: seven months unpaid

test("the tenancy dashboard adds up the district's tenancies and links to the lists", async ({ browser }) => {
  const db = e2ePrisma();
  const ending = await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: LATE }, status: "ACTIVE" }, select: { leaseNo: true } });
  await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: ARREARS } } });
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff");
  await officer.getByRole("link", { name: "租赁监管" }).first().click();
  await expect(officer).toHaveURL(/\/staff\/tenancy$/);
  await expect(officer.getByRole("heading", { level: 1, name: "租赁监管" })).toBeVisible();
  await expect(officer.getByTestId("billed-collected-chart").locator("svg").first()).toBeVisible();
  await expect(officer.getByTestId("figure-arrears")).toContainText(/其中 [1-9]\d* 份满6个月/);
  const row = officer.getByTestId("ending-leases").getByRole("listitem").filter({ hasText: ending.leaseNo });
  await expect(row).toContainText("未申请续租");
  // The district's leases in force, as the database counts them.
  const active = await db.lease.count({ where: { status: "ACTIVE", unit: { estate: { districtCode: "500103" } } } });
  await expect(officer.getByTestId("figure-leases")).toContainText(String(active));
  await officer.getByTestId("figure-arrears").click();
  await expect(officer).toHaveURL(/\/staff\/arrears$/);

  await officer.setViewportSize({ width: 360, height: 740 });
  await officer.goto("/staff/tenancy");
  await expect(officer.getByTestId("billed-collected-chart")).toBeVisible();
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await officer.screenshot({ path: "test-results/tenancy-dashboard-phone.png" });
});
