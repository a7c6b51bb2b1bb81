import { expect, test } from "@playwright/test";
import { addMonths } from "../../lib/rules/dates";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Rent standards (Art. 27) as people click them. The demo's standard for 安居·梧桐苑 came into
// force a little over three years ago, so its three-yearly review is due: city.officer enters the
// three changes, sees each tier's new rate (the top tier held at 60 % of the market rent), and
// saves the new dated draft; city.reviewer, a second officer, approves it; anyone, signed in or
// not, then reads the new standard and its date on the public page, on a desktop and on a phone.

const REVIEWER = "city.reviewer";
const DOCUMENT_NO = "渝住建发〔演示〕18号";

function todayCST(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

test("a three-yearly review computed, drafted, approved by a second officer and published", async ({ browser }) => {
  const effectiveFrom = addMonths(`${todayCST().slice(0, 7)}-01`, 1);
  const officer = await newPage(browser, ACCOUNTS.cityOfficer);
  await officer.goto("/staff/rent-standards");
  await officer.getByTestId("rent-standard-filters").getByLabel("只看到期待调整的").check();
  await officer.getByTestId("rent-standard-filters").getByRole("button", { name: "筛选" }).click();
  await expect(officer).toHaveURL(/due=1/);
  const due = officer.getByTestId("rent-standard-list").locator("li").filter({ hasText: "安居·梧桐苑" });
  await expect(due).toContainText("到期待调整");
  await due.getByRole("link").click();
  await expect(officer.getByTestId("standard-document-no")).toHaveText("渝住建发〔演示〕3号");
  await officer.getByRole("link", { name: "进行三年调整" }).click();

  const inputs = officer.getByTestId("review-inputs");
  await inputs.getByLabel("城镇居民人均可支配收入变化（%）").fill("5");
  await inputs.getByLabel("居民消费价格指数变化（%）").fill("2");
  await inputs.getByLabel("居住价格指数变化（%）").fill("2");
  await inputs.getByLabel("新标准执行日期").fill(effectiveFrom);
  await inputs.getByRole("button", { name: "计算调整后的租金" }).click();
  // (5 % + 2 % + 2 %) / 3 = 3 %: 12.00 → 12.36, 15.00 → 15.45, 18.00 → 18.54 held at 18.00
  // (60 % of the market rent of 30.00, Art. 27), and the former low-rent rate 5.00 → 5.15.
  const preview = officer.getByTestId("review-preview");
  await expect(preview).toContainText("三项变化均值 3.00%");
  await expect(preview.getByTestId("tier-rate")).toHaveText(["12.36", "15.45", "18.00已按上限", "5.15"]);
  await officer.screenshot({ path: test.info().outputPath("rent-review-desktop.png"), fullPage: true });

  await formReady(officer, "create-review-form");
  await preview.getByLabel("文号").fill(DOCUMENT_NO);
  await preview.getByRole("button", { name: "保存为待复核的新标准" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认保存" }).click();
  await expect(officer.getByTestId("standard-document-no")).toHaveText(DOCUMENT_NO);
  await expect(officer.getByText("这是您起草的标准，须由另一位工作人员复核。")).toBeVisible();
  await expect(officer.getByTestId("standard-chain")).toContainText("渝住建发〔演示〕3号");
  const draftUrl = officer.url();

  // The second officer approves; the creator could not.
  const reviewer = await newPage(browser, REVIEWER);
  await reviewer.goto(draftUrl);
  await formReady(reviewer, "decide-rent-standard-form");
  await reviewer.getByLabel("批准并公布").check();
  await reviewer.getByRole("button", { name: "提交复核意见" }).click();
  await expect(reviewer.getByRole("alertdialog")).toContainText(DOCUMENT_NO);
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "确认" }).click();
  await expect(reviewer.getByTestId("standard-history")).toContainText("复核批准并公布");
  const row = await e2ePrisma().rentStandard.findFirstOrThrow({ where: { documentNo: DOCUMENT_NO }, select: { status: true, createdById: true, approvedById: true, effectiveFrom: true, reviewOf: { select: { effectiveTo: true } } } });
  expect(row.status).toBe("APPROVED");
  expect(row.approvedById).not.toBe(row.createdById);
  expect(row.reviewOf?.effectiveTo?.toISOString().slice(0, 10)).toBe(effectiveFrom);

  // The public page, without signing in: the new standard announced with its date, the old one in force until then.
  const visitor = await newPage(browser);
  await visitor.goto("/rent-standards");
  const announced = visitor.locator(`[data-testid="public-standard"][data-document-no="${DOCUMENT_NO}"]`);
  await expect(announced).toContainText("已公布，待生效");
  await expect(announced.getByTestId("public-effective-from")).toHaveAttribute("data-date", effectiveFrom);
  await expect(announced.getByTestId("tier-rate")).toHaveText(["12.36", "15.45", "18.00", "5.15"]);
  const current = visitor.locator('[data-testid="public-standard"][data-document-no="渝住建发〔演示〕3号"]');
  await expect(current).toContainText("执行中");
  await visitor.screenshot({ path: test.info().outputPath("rent-standards-public-desktop.png"), fullPage: true });
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.reload();
  await expect(announced).toBeVisible();
  await visitor.screenshot({ path: test.info().outputPath("rent-standards-public-phone.png"), fullPage: true });
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.goto(draftUrl);
  await officer.screenshot({ path: test.info().outputPath("rent-standard-detail-phone.png"), fullPage: true });
});

test("every bill says which standard and multiplier it used, on the officer's lease page and the tenant's phone", async ({ browser }) => {
  // A household held over under a vacate order (lib/demo/seed-leaving.ts): its transition bills are 150 % or 200 % (Art. 38).
  const lease = await e2ePrisma().lease.findFirstOrThrow({
    where: { bills: { some: { kind: "TRANSITION_RENT" } } },
    select: { leaseNo: true, tenantUser: { select: { phone: true } }, unit: { select: { estate: { select: { districtCode: true } } } } },
  });
  const officer = await newPage(browser, lease.unit.estate.districtCode === "500103" ? ACCOUNTS.yuzhongOfficer : ACCOUNTS.shapingbaOfficer);
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  const bases = officer.getByTestId("bill-rent-basis");
  await expect(bases.filter({ hasText: /（第三十八条）/ }).first()).toContainText(/房屋自身标准租金 · 租金标准的 (1\.5|2) 倍（第三十八条）/);
  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 390, height: 844 });
  await signIn(tenant, lease.tenantUser!.phone!);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  await expect(tenant.getByTestId("bill-rent-basis").first()).toContainText(/房屋自身标准租金 · (按标准租金|租金标准的 [\d.]+ 倍)/);
  await tenant.getByTestId("statement").screenshot({ path: test.info().outputPath("bill-basis-phone.png") });
});
