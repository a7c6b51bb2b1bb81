import { expect, test, type Page } from "@playwright/test";
import { addDays } from "../../lib/rules/dates";
import { multipliedRentFen } from "../../lib/rules/rent";
import { todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Leaving (Art. 31, 38-41) as people click it. The Yuzhong officer records a tenant's subletting
// with its evidence and confirms it: the lease ends, a vacate order with its deadline follows, the
// household's adults are barred; the tenant sees the decision without the officer's internal note;
// the unit is handed back; the tenant's new application is stopped at submission by the ban of
// Art. 40. Another tenant's 12-month term has ended without a renewal: the officer orders the move
// with the 3-month transition, the tenant sees the rent at 1.5 times on the bill, the order passes
// its deadline and goes to the court, and the move-out returns the unit to the waiting list.

const VIOLATING = "13800000020"; // 邓洁, lib/demo/seed-leaving.ts DEMO_VIOLATION
const TERM_ENDED = "13800000017"; // 冯磊, DEMO_TERM_ENDED

async function leaseOf(phone: string) {
  return e2ePrisma().lease.findFirstOrThrow({
    where: { tenantUser: { phone }, status: { in: ["ACTIVE", "HOLDING_OVER"] } },
    select: { id: true, leaseNo: true, unitId: true, applicationId: true },
  });
}

async function openDetails(page: Page, summary: string) {
  const details = page.locator("details").filter({ has: page.locator("summary", { hasText: summary }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  return details;
}

function section(page: Page, title: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a violation confirmed ends the tenancy, the unit comes back, and the ban stops a new application", async ({ browser }) => {
  test.setTimeout(180_000);
  const db = e2ePrisma();
  const lease = await leaseOf(VIOLATING);
  const applicant = await db.householdMember.findFirstOrThrow({ where: { applicationId: lease.applicationId, relationship: "APPLICANT" }, select: { name: true, residentId: true } });

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  const panel = officer.getByTestId("leaving-panel");
  await expect(panel).toContainText("本合同没有违规记录或腾退通知。");
  const record = await openDetails(officer, "登记违规行为");
  await formReady(officer, "record-violation");
  // Nothing but the kind: the form says what is missing and posts nothing.
  await record.getByLabel("违规情形").selectOption("SUBLET_OR_LEND");
  await record.getByRole("button", { name: "登记" }).click();
  await expect(record.getByText("请填写违规事实")).toBeVisible();
  await expect(record.getByText("请说明证据")).toBeVisible();
  await record.getByLabel("违规事实").fill("承租人将房屋整套转租给他人居住，本人已搬离。");
  await record.getByLabel("证据").fill("巡查照片 4 张、租住人询问笔录 1 份，存区住房保障中心档案室。");
  await record.getByLabel("内部备注（仅工作人员可见）").fill("网格员王某举报，注意保护举报人");
  await record.getByRole("button", { name: "登记" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "登记" }).click();
  const violation = panel.getByTestId("violation");
  await expect(violation).toHaveAttribute("data-status", "REPORTED");
  await expect(violation).toContainText("转租、出借公租房（第三十一条第二项）");
  // A photo of the evidence, kept with the record for the officers only.
  await violation.getByLabel("上传证据文件").setInputFiles({ name: "转租现场.png", mimeType: "image/png", buffer: PNG });
  await expect(violation.getByRole("link", { name: "转租现场.png" })).toBeVisible();

  // Confirmed: the lease ends and must be returned by the deadline; the household's adults are barred.
  const deadline = addDays(todayCST(), 30);
  const violationNo = (await violation.textContent())!.match(/WG-500103-\d{4}-\d{6}/)![0];
  await formReady(officer, `confirm-violation-${violationNo}`);
  await violation.getByLabel("告知承租人的认定理由").first().fill("经现场核查和询问，确认存在整套转租行为。");
  await violation.getByRole("button", { name: "认定违规并解除合同" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("五年内不得再次申请公租房（第四十条）");
  await officer.getByRole("alertdialog").getByRole("button", { name: "认定" }).click();
  await expect(violation).toHaveAttribute("data-status", "CONFIRMED");
  await expect(panel.getByTestId("vacate-order")).toContainText("违反第三十一条，应当退回（第四十条）");
  await expect(panel.getByTestId("vacate-order")).toContainText("未给予过渡期，按租金标准的2倍计收租金");
  const bans = panel.getByTestId("bans");
  await expect(bans).toContainText(applicant.name);
  await expect(bans).toContainText(`${applicant.residentId.slice(0, 6)}********`);
  await expect(bans).not.toContainText(applicant.residentId);

  // The tenant sees the decision and the order, not the officer's internal note.
  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 360, height: 740 });
  await signIn(tenant, VIOLATING);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  const notice = tenant.getByTestId("tenant-leaving");
  await expect(notice).toContainText("违规认定");
  await expect(notice).toContainText("经现场核查和询问，确认存在整套转租行为。");
  await expect(notice).toContainText("第四十条");
  await expect(tenant.locator("body")).not.toContainText("网格员");
  await expect(tenant.locator("body")).not.toContainText("转租现场.png");
  const sms = await db.notification.findFirstOrThrow({ where: { templateKey: "leaving.violationConfirmed", channel: "SMS", applicationId: lease.applicationId }, select: { params: true } });
  expect(JSON.stringify(sms.params)).not.toContain("网格员");
  expect((await db.vacateOrder.findFirstOrThrow({ where: { leaseId: lease.id }, select: { deadline: true } })).deadline.toISOString().slice(0, 10)).toBe(deadline);

  // The unit is handed back today: the lease ends, the ban runs five years from today.
  await officer.reload();
  const moveOut = await openDetails(officer, "退租验收");
  await formReady(officer, "record-move-out");
  await moveOut.getByLabel("验收情况").fill("房屋完好，钥匙 3 把已交回，水电气已结清。");
  await moveOut.getByRole("button", { name: "登记退租验收" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认退租" }).click();
  await expect(officer.getByTestId("vacate-order")).toHaveAttribute("data-status", "VACATED");
  await expect(officer.getByRole("heading", { level: 1 }).locator("..")).toContainText("已解除");

  // A new application by the same person: every step filled, stopped at submission (Art. 40).
  await tenant.setViewportSize({ width: 1280, height: 900 });
  await tenant.goto("/me/apply");
  await tenant.getByRole("link", { name: "开始填写" }).click();
  const me = section(tenant, "申请人");
  await me.getByLabel("姓名").fill(applicant.name);
  await me.getByLabel("居民身份证号码").fill(applicant.residentId);
  await me.getByLabel("婚姻状况").selectOption("UNMARRIED");
  await me.getByLabel("上一年度年收入（元）").fill("42000");
  await tenant.getByRole("button", { name: "保存并继续" }).click();
  await expect(tenant).toHaveURL(/\/me\/apply\/work$/);
  await tenant.getByLabel("与本市用人单位签订劳动合同").check();
  await tenant.getByLabel("用人单位或营业执照名称").fill("重庆某物业服务有限公司");
  await tenant.getByLabel("工作（或领取养老金）所在区县").selectOption("500103");
  await tenant.getByRole("button", { name: "保存并继续" }).click();
  await expect(tenant).toHaveURL(/\/me\/apply\/housing$/);
  await tenant.getByRole("group", { name: "家庭成员在本市是否拥有城镇住房" }).getByLabel("否").check();
  await tenant.getByRole("group", { name: /父母、子女或配偶的父母是否有能力/ }).getByLabel("否").check();
  await tenant.getByRole("button", { name: "保存并继续" }).click();
  await expect(tenant).toHaveURL(/\/me\/apply\/where$/);
  await tenant.getByLabel(/^市级公租房/).check();
  await tenant.getByLabel(/^单间配套/).check();
  await tenant.getByLabel(/安居·枫林苑/).check();
  await tenant.getByRole("button", { name: "保存并继续" }).click();
  await expect(tenant).toHaveURL(/\/me\/apply\/documents$/);
  for (const [label, name, mimeType, buffer] of [
    ["上传居民身份证", "身份证.png", "image/png", PNG],
    ["上传户口簿", "户口簿.pdf", "application/pdf", PDF],
    ["上传婚姻状况证明", "婚姻状况.pdf", "application/pdf", PDF],
    ["上传劳动合同", "劳动合同.pdf", "application/pdf", PDF],
  ] as const) {
    await tenant.getByLabel(label).setInputFiles({ name, mimeType, buffer });
    await expect(tenant.getByRole("link", { name })).toBeVisible();
  }
  await tenant.getByRole("link", { name: "下一步：核对并提交" }).click();
  await expect(tenant).toHaveURL(/\/me\/apply\/review$/);
  await expect(tenant.getByText("家庭成员中有人因违反第三十一条被收回公租房，自退回之日起五年内不得再次申请（第四十条），本申请不能提交。")).toBeVisible();
  await expect(tenant.getByText("第四十条", { exact: true })).toBeVisible();
  await expect(tenant.getByRole("button", { name: "提交申请" })).toBeDisabled();
  expect(await db.application.count({ where: { applicantUserId: (await db.user.findFirstOrThrow({ where: { phone: VIOLATING } })).id, status: "SUBMITTED" } })).toBe(0);
});

test("a term ended without renewal: a vacate order with the transition, rent at 1.5 times, the court past the deadline, the unit back to the waiting list", async ({ browser }) => {
  const db = e2ePrisma();
  const lease = await leaseOf(TERM_ENDED);
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto(`/staff/leases/${lease.leaseNo}`);
  const panel = officer.getByTestId("leaving-panel");
  await expect(panel).toContainText(/合同已于 .+ 期满。/);
  const issue = await openDetails(officer, "发出腾退通知");
  await formReady(officer, "issue-vacate-order");
  // Art. 39 needs six months of arrears: this tenant paid, so the ground is refused with the reason.
  await issue.getByLabel("腾退情形").selectOption("RENT_ARREARS");
  await issue.getByLabel("告知承租人的理由").fill("欠缴租金");
  await issue.getByRole("button", { name: "发出通知" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "发出" }).click();
  await expect(issue.getByText("逾期欠租未达6个月租金，不适用第三十九条")).toBeVisible();
  await issue.getByLabel("腾退情形").selectOption("TERM_ENDED_NO_RENEWAL");
  await issue.getByLabel("给予3个月过渡期（第三十八条）").check();
  await issue.getByLabel("告知承租人的理由").fill("租赁合同期满，未在期满3个月前申请续租。");
  await issue.getByRole("button", { name: "发出通知" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "发出" }).click();
  const order = panel.getByTestId("vacate-order");
  await expect(order).toHaveAttribute("data-status", "ISSUED");
  await expect(order).toContainText("租赁合同期满，未按规定申请续租（第三十八条第一项）");
  await expect(order).toContainText(/过渡期至 .+，期内按1\.5倍计收租金，期满按2倍计收/);
  // The period since the term ended is billed at once at 1.5 times, and says so.
  const transitionRow = officer.getByTestId("bill-row").filter({ hasText: "过渡期租金" });
  await expect(transitionRow.first()).toContainText("1.5 倍");
  const bill = await db.bill.findFirstOrThrow({ where: { leaseId: lease.id, kind: "TRANSITION_RENT" }, select: { amountFen: true, baseRentFen: true, rentMultiplierPercent: true } });
  expect(bill.rentMultiplierPercent).toBe(150);
  expect(bill.amountFen).toBe(multipliedRentFen(bill.baseRentFen, 150));

  // The tenant, on a phone, sees the order and the bill at 1.5 times.
  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 360, height: 740 });
  await signIn(tenant, TERM_ENDED);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  await expect(tenant.getByTestId("tenant-leaving")).toContainText("腾退通知");
  await expect(tenant.getByTestId("tenant-leaving")).toContainText("租赁合同期满，未在期满3个月前申请续租。");
  await expect(tenant.getByTestId("statement").getByTestId("bill-row").filter({ hasText: "过渡期租金" }).first()).toContainText("1.5 倍");
  const width = await tenant.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // The deadline passes (a fixture: waiting would take months): the court referral is recorded (Art. 41).
  await db.vacateOrder.updateMany({ where: { leaseId: lease.id, status: "ISSUED" }, data: { deadline: new Date(`${addDays(todayCST(), -1)}T00:00:00Z`) } });
  await officer.reload();
  await expect(panel).toContainText("已逾期未腾退，可依法申请人民法院强制执行（第四十一条）。");
  await formReady(officer, "refer-to-court");
  await panel.getByLabel("法院案号").fill("（2026）渝0103执1234号");
  await panel.getByLabel("申请情况").fill("逾期未腾退，已向渝中区人民法院申请强制执行。");
  await panel.getByRole("button", { name: "登记申请法院强制执行" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "登记" }).click();
  await expect(order).toHaveAttribute("data-status", "REFERRED_TO_COURT");
  await expect(order).toContainText("（2026）渝0103执1234号");

  // Handed back after enforcement: the unit returns to stock and goes to the head of its waiting list.
  const moveOut = await openDetails(officer, "退租验收");
  await formReady(officer, "record-move-out");
  await moveOut.getByLabel("验收情况").fill("强制执行后收回，房屋完好。");
  await moveOut.getByRole("button", { name: "登记退租验收" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认退租" }).click();
  await expect(order).toHaveAttribute("data-status", "ENFORCED");
  const unit = await db.unit.findUniqueOrThrow({ where: { id: lease.unitId }, select: { status: true, offers: { where: { status: "PENDING" }, select: { waitingListEntryId: true } } } });
  expect(unit.status).toBe("OFFERED");
  expect(unit.offers).toHaveLength(1);
  expect(unit.offers[0]!.waitingListEntryId).not.toBeNull();
});
