import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Renewals (Art. 32) as people click them. A tenant whose lease ends in about four months asks on
// a phone to renew; the Yuzhong officer sees the re-review pass and approves; the renewal lease is
// drawn up from the day after the old one ends, signed with the password and countersigned. A
// tenant whose last day to ask has passed asks anyway and is refused at once, with the article.

const DUE = "13800000021"; // 韩梅, lib/demo/seed-leaving.ts DEMO_RENEWAL_DUE
const LATE = "13800000022"; // 曾强, DEMO_RENEWAL_LATE

async function leaseOf(phone: string) {
  return e2ePrisma().lease.findFirstOrThrow({ where: { tenantUser: { phone }, status: "ACTIVE" }, select: { id: true, leaseNo: true, endDate: true } });
}

test("a renewal asked in time, approved after the re-review, and its lease signed and countersigned", async ({ browser }) => {
  const lease = await leaseOf(DUE);
  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 360, height: 740 });
  await signIn(tenant, DUE);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  const card = tenant.getByTestId("renewal");
  await expect(card.getByTestId("renewal-latest")).toContainText("续租申请截止日");
  await expect(card).not.toContainText("已过续租申请截止日");
  await formReady(tenant, "request-renewal");
  await card.getByLabel("续租期限").selectOption("24");
  await card.getByRole("button", { name: "申请续租" }).click();
  await expect(tenant.getByRole("alertdialog")).toContainText("24");
  await tenant.getByRole("alertdialog").getByRole("button", { name: "提交申请" }).click();
  await expect(card.getByTestId("renewal-request")).toHaveAttribute("data-status", "SUBMITTED");
  await expect(card.getByRole("button", { name: "申请续租" })).toHaveCount(0);

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  const panel = officer.getByTestId("renewal-panel");
  await expect(panel.getByTestId("renewal-findings")).toHaveAttribute("data-eligible", "true");
  await formReady(officer, "renewal-approve");
  await officer.getByTestId("renewal-approve").getByLabel("告知承租人的结论").fill("经复核，家庭仍符合公租房保障条件，同意续租。");
  await officer.getByTestId("renewal-approve").getByRole("button", { name: "同意续租并起草合同" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "同意" }).click();
  await expect(panel.getByTestId("renewal-request")).toHaveAttribute("data-status", "APPROVED");
  const link = panel.getByRole("link", { name: /续租合同 ZL-500103-\d{4}-\d{6} 已生成/ });
  await expect(link).toBeVisible();
  const renewalNo = (await link.textContent())!.match(/ZL-500103-\d{4}-\d{6}/)![0];
  const renewal = await e2ePrisma().lease.findUniqueOrThrow({ where: { leaseNo: renewalNo }, select: { startDate: true, termMonths: true, origin: true } });
  const dayAfter = new Date(lease.endDate.getTime() + 86_400_000).toISOString().slice(0, 10);
  expect([renewal.startDate.toISOString().slice(0, 10), renewal.termMonths, renewal.origin]).toEqual([dayAfter, 24, "RENEWAL"]);

  // The tenant reads the decision and signs the renewal lease with the password.
  await tenant.reload();
  await expect(card).toContainText("经复核，家庭仍符合公租房保障条件，同意续租。");
  await card.getByRole("link", { name: /续租合同 .+ 已生成/ }).click();
  await expect(tenant).toHaveURL(new RegExp(`/me/lease/${renewalNo}$`));
  await formReady(tenant, "sign-lease");
  await tenant.getByLabel("我已阅读并同意以上合同条款").check();
  await tenant.getByLabel("登录密码").fill("anju2025");
  await tenant.getByRole("button", { name: "签署合同" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认签署" }).click();
  await expect(tenant.getByRole("heading", { level: 1 }).locator("..")).toContainText("待运营单位确认");

  await officer.goto(`/staff/leases/${renewalNo}`);
  await formReady(officer, "countersign-lease");
  await officer.getByRole("button", { name: "确认合同" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认生效" }).click();
  await expect(officer.getByText("履行中").first()).toBeVisible();
  // The old lease runs to its end beside it, on the same unit.
  expect((await e2ePrisma().lease.findUniqueOrThrow({ where: { id: lease.id }, select: { status: true } })).status).toBe("ACTIVE");
});

test("a renewal asked after the last day is refused at once, with the article", async ({ browser }) => {
  const lease = await leaseOf(LATE);
  const tenant = await newPage(browser, LATE);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  const card = tenant.getByTestId("renewal");
  await expect(card).toContainText("已过续租申请截止日");
  await expect(card).toContainText("第三十二条");
  await formReady(tenant, "request-renewal");
  await card.getByRole("button", { name: "申请续租" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "提交申请" }).click();
  const row = card.getByTestId("renewal-request");
  await expect(row).toHaveAttribute("data-status", "REJECTED");
  await expect(row).toContainText("逾期申请");
  await expect(row).toContainText("续租申请应当在合同期满3个月前提出（第三十二条）");
  // Nothing goes to the officers to decide.
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  await expect(officer.getByTestId("renewal-panel").getByTestId("renewal-request")).toHaveAttribute("data-status", "REJECTED");
  await expect(officer.getByTestId("renewal-approve")).toHaveCount(0);
});
