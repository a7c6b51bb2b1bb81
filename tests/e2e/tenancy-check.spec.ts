import { expect, test } from "@playwright/test";
import { addDays } from "../../lib/rules/dates";
import { todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { ACCOUNTS, newPage, signIn } from "./support";

// Art. 42: the annual tenancy check. The demo's yearly check listed 蒋涛's household, whose land
// registry record now shows a home bought. The Yuzhong officer opens the tenancy check, runs it again
// (nobody is checked twice), reads the reasons by article, and ends the tenancy with a deadline and
// the 3-month transition; the tenant sees on the phone that the lease is ended, why, and by when to
// leave; the notice names the article and carries no figures.

const CHECKED = "13800000031"; // 蒋涛, lib/demo/seed-leaving.ts DEMO_CHECK_FAILED

test("the annual tenancy check ends the tenancy of a household no longer eligible, and the tenant sees why", async ({ browser }) => {
  test.setTimeout(120_000);
  const db = e2ePrisma();
  const lease = await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: CHECKED }, status: "ACTIVE" }, select: { id: true, leaseNo: true, applicationId: true } });

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff/rechecks");
  await officer.getByRole("link", { name: "租住资格（第四十二条）" }).click();
  await expect(officer.getByRole("heading", { level: 1, name: "年度租住资格核查" })).toBeVisible();

  // Running it again checks nobody twice.
  await officer.getByRole("button", { name: /^开始 \d{4} 年度租住资格核查$/ }).click();
  await officer.getByRole("button", { name: "确定开始" }).click();
  await expect(officer.getByText(/年度租住资格核查完成/)).toBeVisible({ timeout: 20_000 });
  expect(await db.annualRecheck.count({ where: { leaseId: lease.id } })).toBe(1);

  const link = officer.getByRole("link", { name: `蒋涛 · ${lease.leaseNo}` });
  await expect(link).toBeVisible();
  await expect(officer.getByRole("listitem").filter({ has: link })).toContainText("第十三条");
  await link.click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("蒋涛");
  await expect(officer.getByText(`租赁合同：${lease.leaseNo}`, { exact: false })).toBeVisible();
  await expect(officer.getByText("按最新共享数据，该承租家庭不再符合以下条件：")).toBeVisible();

  // Without a deadline nothing happens and the form says what is missing.
  await officer.getByRole("button", { name: "解除该家庭的租赁合同" }).click();
  await officer.getByRole("button", { name: "确认解除合同" }).click();
  await expect(officer.getByText("请选择有效的腾退期限")).toBeVisible();
  expect((await db.lease.findUniqueOrThrow({ where: { id: lease.id }, select: { status: true } })).status).toBe("ACTIVE");

  const deadline = addDays(todayCST(), 90);
  await officer.getByLabel("腾退期限").fill(deadline);
  await expect(officer.getByLabel("给予3个月过渡期")).toBeChecked();
  await officer.getByLabel("补充说明（选填）").fill("请于期限内到区住房保障中心办理退租手续。");
  // The confirmation stays open after the refused attempt: confirming now sends the completed form.
  await officer.getByRole("button", { name: "确认解除合同" }).click();
  await expect(officer.getByText("已解除该家庭的租赁合同，腾退通知已发出，并已通知承租人。")).toBeVisible();
  await expect(officer.getByText("已解除合同", { exact: true }).first()).toBeVisible();

  const order = await db.vacateOrder.findFirstOrThrow({ where: { leaseId: lease.id }, select: { ground: true, transitionGranted: true, deadline: true } });
  expect([order.ground, order.transitionGranted, order.deadline.toISOString().slice(0, 10)]).toEqual(["ANNUAL_CHECK_FAILED", true, deadline]);

  // The lease page of the officers shows the order of Art. 42.
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  await expect(officer.getByTestId("vacate-order")).toContainText("年度复核不再符合条件（第四十二条）");

  // The tenant, on a phone: the lease is ended, with the reasons, the article and the deadline.
  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 360, height: 740 });
  await signIn(tenant, CHECKED);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  const notice = tenant.getByTestId("tenant-leaving");
  await expect(notice).toContainText("第四十二条");
  await expect(notice).toContainText("请于期限内到区住房保障中心办理退租手续。");
  const sms = await db.notification.findFirstOrThrow({ where: { templateKey: "rechecks.tenancyEnded", channel: "SMS", applicationId: lease.applicationId }, select: { params: true } });
  const members = await db.householdMember.findMany({ where: { applicationId: lease.applicationId }, select: { residentId: true } });
  for (const m of members) expect(JSON.stringify(sms.params)).not.toContain(m.residentId);
  expect(JSON.stringify(sms.params)).not.toMatch(/88\.00|8800/);
});
