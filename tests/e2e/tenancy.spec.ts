import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { lateFeeFen } from "../../lib/rules/rent";
import { addDays } from "../../lib/rules/dates";
import { hundredthsText } from "../../lib/rules/money";
import { periodIndexInMonth, rentPeriod } from "../../lib/tenancy/billing-rules";
import { dateColumn, todayCST } from "../support/clock";
import { pdfText, pdfTextCompact } from "../support/pdf-text";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Tenancy (Art. 25-29) as people click it. The shapingba officer draws up the lease of a household
// that accepted its unit; the tenant signs it on a phone with the password; the officer
// countersigns; the tenant downloads the PDF and it reads as the contract. A tenant whose rent is
// overdue sees the late fee of 0.05 % a day and pays online through the test provider; the
// provider's callback replayed changes nothing.

const ACCEPTED = "13800000016"; // lib/demo/seed-allocation.ts DEMO_ACCEPTED_PHONE
const PAYING = "13800000011"; // 郑凯, lib/demo/seed.ts

test("a lease drawn up, signed with the password, countersigned, and its PDF read", async ({ browser }) => {
  const officer = await newPage(browser, ACCOUNTS.shapingbaOfficer);
  await officer.goto("/staff/leases");
  const awaiting = officer.getByTestId("awaiting-lease").getByRole("listitem").first();
  await expect(awaiting).toBeVisible();
  const draftForm = awaiting.locator("form");
  const testId = await draftForm.getAttribute("data-testid");
  await formReady(officer, testId!);
  await draftForm.getByLabel("租赁期限").selectOption("24");
  await draftForm.getByRole("button", { name: "起草合同" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("24 个月");
  await officer.getByRole("alertdialog").getByRole("button", { name: "起草" }).click();
  await expect(officer).toHaveURL(/\/staff\/leases\/ZL-500106-\d{4}-\d{6}$/);
  const leaseNo = officer.url().split("/").at(-1)!;
  await expect(officer.getByText("合同已生成，等待承租人在门户签署。")).toBeVisible();

  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 360, height: 740 });
  await signIn(tenant, ACCEPTED);
  await expect(tenant.getByTestId("tenant-lease")).toHaveAttribute("data-status", "PENDING_SIGNATURE");
  await tenant.getByRole("link", { name: "阅读并签署合同" }).click();
  await expect(tenant.getByTestId("lease-text")).toContainText("第十部分　争议解决");
  await formReady(tenant, "sign-lease");
  // A wrong password signs nothing.
  await tenant.getByLabel("我已阅读并同意以上合同条款").check();
  await tenant.getByLabel("登录密码").fill("not-my-password");
  await tenant.getByRole("button", { name: "签署合同" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认签署" }).click();
  await expect(tenant.getByText("密码不正确，未签署")).toBeVisible();
  await tenant.getByLabel("登录密码").fill("anju2025");
  await tenant.getByRole("button", { name: "签署合同" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认签署" }).click();
  await expect(tenant.getByRole("heading", { level: 1 }).locator("..")).toContainText("待运营单位确认");

  await officer.reload();
  await formReady(officer, "countersign-lease");
  await officer.getByRole("button", { name: "确认合同" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认生效" }).click();
  await expect(officer.getByText("履行中").first()).toBeVisible();
  // The first month's bill is issued with the countersignature.
  await expect(officer.getByTestId("bill-row")).toHaveCount(1);

  await tenant.goto(`/me/lease/${leaseNo}`);
  await expect(tenant.getByTestId("statement").getByTestId("bill-row")).toHaveCount(1);
  const pdf = await tenant.request.get(`/api/leases/${leaseNo}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  const text = await pdfText(bytes);
  const compact = await pdfTextCompact(bytes);
  expect(text).toContain("重庆市公共租赁住房租赁合同");
  expect(text).toContain(leaseNo);
  expect(compact).toContain("24个月");
  expect(text).toContain("第十部分");
  expect(compact).toMatch(/于\d{4}-\d{2}-\d{2}\d{2}:\d{2}在安居门户签署/);
  // Someone else's lease PDF is not theirs to read.
  const other = await newPage(browser, ACCOUNTS.applicant);
  expect((await other.request.get(`/api/leases/${leaseNo}/pdf`)).status()).toBe(404);
});

test("rent paid late brings its late fee; paid online through the test provider; a replayed callback changes nothing", async ({ browser }) => {
  const db = e2ePrisma();
  const today = todayCST();
  // The earliest open bill is made 12 days overdue (a fixture: waiting would take weeks). The
  // billing job may have issued the next period's bill too (it bills the periods starting this month).
  const lease = await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: PAYING } }, select: { id: true, leaseNo: true } });
  let open = await db.bill.findMany({ where: { leaseId: lease.id, status: "UNPAID" }, select: { id: true, amountFen: true, periodStart: true }, orderBy: { periodStart: "asc" } });
  if (open.length === 0) {
    // Everything is paid (the demo tenant pays on time): the next period's bill, as the billing run writes it.
    const full = await db.lease.findUniqueOrThrow({ where: { id: lease.id }, select: { startDate: true, monthlyRentFen: true, bills: { select: { periodStart: true }, orderBy: { periodStart: "desc" }, take: 1 } } });
    const start = full.startDate.toISOString().slice(0, 10);
    const last = full.bills[0]!.periodStart.toISOString().slice(0, 10);
    const next = rentPeriod(start, periodIndexInMonth(start, last.slice(0, 7)) + 1);
    await db.bill.create({ data: { leaseId: lease.id, periodStart: dateColumn(next.periodStart), periodEnd: dateColumn(next.periodEnd), dueDate: dateColumn(next.dueDate), amountFen: full.monthlyRentFen, baseRentFen: full.monthlyRentFen } });
    open = await db.bill.findMany({ where: { leaseId: lease.id, status: "UNPAID" }, select: { id: true, amountFen: true, periodStart: true }, orderBy: { periodStart: "asc" } });
  }
  const bill = open[0]!;
  const owedRent = open.reduce((sum, b) => sum + b.amountFen, 0);
  const due = addDays(today, -12);
  await db.bill.update({ where: { id: bill.id }, data: { dueDate: dateColumn(due) } });
  const fee = lateFeeFen(bill.amountFen, due, today);
  expect(fee).toBeGreaterThan(0);

  const tenant = await newPage(browser, PAYING);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  await expect(tenant.getByTestId("statement").locator(`[data-period="${bill.periodStart.toISOString().slice(0, 10)}"]`).getByTestId("bill-late-fee")).toContainText(hundredthsText(fee));
  await formReady(tenant, "pay-online");
  await tenant.getByRole("button", { name: "在线缴费" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "去支付" }).click();
  await expect(tenant).toHaveURL(/\/me\/pay\/test\/tp_[0-9a-f]+$/);
  await expect(tenant.getByTestId("order-amount")).toHaveAttribute("data-fen", String(owedRent + fee));
  const paymentId = tenant.url().split("/").at(-1)!;
  const orderNo = (await tenant.getByTestId("order-no").textContent())!.trim();
  await formReady(tenant, "cashier-pay");
  await tenant.getByRole("button", { name: "确认支付" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "支付" }).click();
  await expect(tenant).toHaveURL(new RegExp(`/me/lease/${lease.leaseNo}\\?paid=1$`));
  await expect(tenant.getByTestId("amount-due")).toContainText("0.00");
  const fees = await db.lateFee.findMany({ where: { billId: bill.id }, select: { amountFen: true, paidFen: true, daysLate: true } });
  expect(fees).toEqual([{ amountFen: fee, paidFen: fee, daysLate: 12 }]);
  // The receipt says what it settled, in the order stated.
  const receipt = await db.rentReceipt.findFirstOrThrow({ where: { leaseId: lease.id, method: "ONLINE", paymentOrder: { isNot: null } }, select: { receiptNo: true } });
  const receiptText = await pdfText(await (await tenant.request.get(`/api/receipts/${receipt.receiptNo}/pdf`)).body());
  expect(receiptText).toContain("滞纳金");
  expect(receiptText).toContain("抵缴顺序");

  // The provider's callback delivered again, signed as the provider signs it: nothing changes.
  const before = await db.rentReceipt.count({ where: { leaseId: lease.id } });
  const body = JSON.stringify({ paymentId, orderNo, status: "PAID", amountFen: owedRent + fee, paidAt: new Date().toISOString() });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac("sha256", process.env.PAYMENT_TEST_SECRET!).update(`${timestamp}.${body}`).digest("hex")}`;
  const replay = await tenant.request.post("/api/v1/payments/test/callback", { data: body, headers: { "content-type": "application/json", "x-payment-timestamp": timestamp, "x-payment-signature": signature } });
  expect(replay.status()).toBe(200);
  expect(await replay.json()).toMatchObject({ result: "already-processed", orderNo });
  // A forged one is refused.
  const forged = await tenant.request.post("/api/v1/payments/test/callback", { data: body, headers: { "content-type": "application/json", "x-payment-timestamp": timestamp, "x-payment-signature": `sha256=${"0".repeat(64)}` } });
  expect(forged.status()).toBe(401);
  expect(await db.rentReceipt.count({ where: { leaseId: lease.id } })).toBe(before);
  expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id }, select: { status: true } })).status).toBe("PAID");
});
