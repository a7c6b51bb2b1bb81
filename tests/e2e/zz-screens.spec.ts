import { test } from "@playwright/test";
import { ACCOUNTS, newPage } from "./support";

test("screens", async ({ browser }) => {
  for (const [w, h, tag] of [[1280, 900, "desktop"], [360, 740, "phone"]] as const) {
    const tenant = await newPage(browser, "13800000011");
    await tenant.setViewportSize({ width: w, height: h });
    await tenant.goto("/me");
    await tenant.getByTestId("tenant-repairs").scrollIntoViewIfNeeded();
    await tenant.screenshot({ path: `/tmp/repair-shots/me-${tag}.png`, fullPage: true });
    await tenant.goto("/me/repairs");
    await tenant.screenshot({ path: `/tmp/repair-shots/my-repairs-${tag}.png`, fullPage: true });
    await tenant.getByTestId("my-repairs").getByRole("link").first().click();
    await tenant.waitForURL(/BX-/);
    await tenant.screenshot({ path: `/tmp/repair-shots/my-repair-${tag}.png`, fullPage: true });
    const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
    await officer.setViewportSize({ width: w, height: h });
    await officer.goto("/staff/repairs");
    await officer.screenshot({ path: `/tmp/repair-shots/staff-repairs-${tag}.png`, fullPage: true });
    await officer.getByTestId("repair-list").getByRole("link").first().click();
    await officer.waitForURL(/BX-/);
    await officer.screenshot({ path: `/tmp/repair-shots/staff-repair-${tag}.png`, fullPage: true });
    await officer.goto("/staff/repairs?status=CLOSED");
    await officer.screenshot({ path: `/tmp/repair-shots/staff-empty-${tag}.png`, fullPage: true });
  }
});
