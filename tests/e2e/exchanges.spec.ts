import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Exchanges (第三十三条) as people click them. A couple in a one-bedroom whose daughter was born asks
// on a phone to exchange for a two-bedroom (a three-bedroom is refused with the article); the
// Yuzhong officer approves, the household is first on the estate's exchange list; the officer
// offers a vacant two-bedroom from that list; the tenant accepts, the officer draws up the new
// lease, the tenant signs it and the officer countersigns it with the old unit's move-out check:
// the old lease ends and its unit returns to stock.

const TENANT = "13800000071"; // 许静, lib/demo/seed-exchanges.ts DEMO_EXCHANGE_START
const SHOTS = process.env.EXCHANGE_SHOTS_DIR;

/** A vacant two-bedroom of 安居·枫林苑 of this run's own (no other journey offers it). */
async function vacantTwoBedroom(): Promise<{ id: string; label: string }> {
  const db = e2ePrisma();
  const estate = await db.estate.findUniqueOrThrow({ where: { code: "YZ-001" }, select: { id: true, name: true, buildings: { select: { id: true, name: true }, take: 1, orderBy: { name: "asc" } } } });
  const building = estate.buildings[0]!;
  const unitNo = `H${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const unit = await db.unit.create({
    data: { estateId: estate.id, buildingId: building.id, unitNo, floor: 3, unitType: "TWO_BEDROOM", floorAreaDm2: 6200, orientation: "SOUTH", status: "VACANT", marketRentFen: 200000, standardRentFen: 110000 },
    select: { id: true },
  });
  return { id: unit.id, label: `${estate.name} ${building.name}${unitNo}` };
}

test("an exchange after a birth: approved onto the exchange list, offered, accepted, leased anew; the old lease ends", async ({ browser }) => {
  const db = e2ePrisma();
  const old = await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: TENANT }, status: "ACTIVE" }, select: { id: true, leaseNo: true, unitId: true, application: { select: { applicationNo: true } } } });
  const unit = await vacantTwoBedroom();

  const tenant = await newPage(browser);
  await tenant.setViewportSize({ width: 390, height: 844 });
  await signIn(tenant, TENANT);
  await tenant.goto(`/me/lease/${old.leaseNo}`);
  const card = tenant.getByTestId("exchange");
  await expect(card).toContainText("第三十三条");
  await expect(card).toContainText("现住一室一厅，登记家庭 2 人");
  await card.getByText("申请换租", { exact: true }).first().click();
  await formReady(tenant, "request-exchange");
  if (SHOTS) await tenant.getByTestId("exchange").screenshot({ path: `${SHOTS}/exchange-card-form-390.png` });
  const form = tenant.getByTestId("request-exchange");
  await form.getByLabel("换租原因").selectOption("HOUSEHOLD_GREW");
  await form.getByLabel("新增同住人数").fill("1");
  await form.getByLabel("情况说明").fill("2026年5月女儿出生，家庭增至3人。");
  // A three-bedroom is more than three people may have: refused with the article, nothing recorded.
  await form.getByLabel("申请户型").selectOption("THREE_BEDROOM");
  await form.getByRole("button", { name: "申请换租" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "提交申请" }).click();
  await expect(form).toContainText("按第三十三条和第二十一条，家庭按 3 人计，最多可申请两室一厅");
  expect(await db.exchangeRequest.count({ where: { leaseId: old.id } })).toBe(0);
  await form.getByLabel("申请户型").selectOption("TWO_BEDROOM");
  await form.getByRole("button", { name: "申请换租" }).click();
  await expect(tenant.getByRole("alertdialog")).toContainText("两室一厅");
  await tenant.getByRole("alertdialog").getByRole("button", { name: "提交申请" }).click();
  await expect(card.getByTestId("exchange-request")).toHaveAttribute("data-status", "SUBMITTED");
  await expect(tenant.getByTestId("request-exchange")).toHaveCount(0);
  expect(await tenant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (SHOTS) await tenant.getByTestId("exchange").screenshot({ path: `${SHOTS}/exchange-card-submitted-390.png` });

  // The Yuzhong officer finds it in the list and approves it onto the estate's exchange list.
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff/exchanges?status=SUBMITTED");
  if (SHOTS) await officer.screenshot({ path: `${SHOTS}/exchange-staff-list.png`, fullPage: true });
  await officer.getByTestId("exchange-row").filter({ hasText: old.leaseNo }).getByRole("link").click();
  await expect(officer.getByTestId("exchange-status")).toHaveAttribute("data-status", "SUBMITTED");
  await formReady(officer, "exchange-approve");
  const approve = officer.getByTestId("exchange-approve");
  await approve.getByLabel("告知承租人的结论").fill("经核实出生医学证明，家庭增至3人，同意换租两室一厅。");
  await approve.getByLabel("内部备注").fill("材料齐全，电话已核");
  await approve.getByRole("button", { name: "同意，进入换租轮候" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "同意" }).click();
  await expect(officer.getByTestId("exchange-status")).toHaveAttribute("data-status", "APPROVED");
  if (SHOTS) await officer.screenshot({ path: `${SHOTS}/exchange-staff-detail.png`, fullPage: true });

  await tenant.reload();
  await expect(card.getByTestId("exchange-position")).toContainText("现排第 1 位");
  await expect(card).toContainText("经核实出生医学证明");
  await expect(card).not.toContainText("电话已核");
  if (SHOTS) await tenant.getByTestId("exchange").screenshot({ path: `${SHOTS}/exchange-card-on-list-390.png` });

  // The officer offers the vacant two-bedroom from the exchange list.
  await officer.goto(`/staff/units/${unit.id}`);
  const offerCard = officer.locator("#exchange-list-offer");
  await expect(offerCard).toContainText(old.application.applicationNo);
  await formReady(officer, "offer-from-exchange-list");
  await offerCard.getByRole("button", { name: "配租给换租轮候第一位" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "配租" }).click();
  await expect(officer.getByTestId("unit-history")).toContainText("按换租轮候顺序配租");

  // The tenant accepts it on the home page.
  await tenant.goto("/me");
  const offer = tenant.getByTestId("list-offer");
  await expect(offer).toContainText(unit.label.split(" ")[1]!);
  await formReady(tenant, "accept-offer");
  await offer.getByRole("button", { name: "确认接受此房" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认接受" }).click();
  await expect(tenant.getByTestId("list-offer")).toHaveAttribute("data-status", "ACCEPTED");

  // The officer draws up the new lease from the accepted offer.
  await officer.goto("/staff/leases");
  const awaiting = officer.getByTestId("awaiting-lease").getByRole("listitem").filter({ hasText: unit.label.split(" ")[1]! });
  const draftForm = awaiting.locator("form");
  await formReady(officer, (await draftForm.getAttribute("data-testid"))!);
  await draftForm.getByRole("button", { name: "起草合同" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "起草" }).click();
  await expect(officer).toHaveURL(/\/staff\/leases\/ZL-500103-\d{4}-\d{6}$/);
  const newNo = officer.url().split("/").at(-1)!;
  const drafted = await db.lease.findUniqueOrThrow({ where: { leaseNo: newNo }, select: { origin: true, previousLeaseId: true, rentBasis: true, unitId: true } });
  expect(drafted).toEqual({ origin: "EXCHANGE", previousLeaseId: old.id, rentBasis: "STANDARD", unitId: unit.id });

  // The tenant signs it with the password.
  await tenant.goto(`/me/lease/${old.leaseNo}`);
  await card.getByRole("link", { name: new RegExp(`换租合同 ${newNo}`) }).click();
  await expect(tenant).toHaveURL(new RegExp(`/me/lease/${newNo}$`));
  await formReady(tenant, "sign-lease");
  await tenant.getByLabel("我已阅读并同意以上合同条款").check();
  await tenant.getByLabel("登录密码").fill("anju2025");
  await tenant.getByRole("button", { name: "签署合同" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认签署" }).click();
  await expect(tenant.getByRole("heading", { level: 1 }).locator("..")).toContainText("待运营单位确认");

  // The officer countersigns it with the old unit's move-out check.
  await officer.goto(`/staff/leases/${newNo}`);
  await expect(officer.getByTestId("countersign-lease")).toHaveCount(0);
  await formReady(officer, "countersign-exchange");
  const countersign = officer.getByTestId("countersign-exchange");
  await countersign.getByLabel("验收情况").fill("房屋及设施完好，钥匙已交回。");
  await countersign.getByRole("button", { name: "确认合同并验收" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认生效" }).click();
  await expect(officer.getByText("履行中").first()).toBeVisible();

  const [oldAfter, newAfter, oldUnit] = await Promise.all([
    db.lease.findUniqueOrThrow({ where: { id: old.id }, select: { status: true } }),
    db.lease.findUniqueOrThrow({ where: { leaseNo: newNo }, select: { status: true } }),
    db.unit.findUniqueOrThrow({ where: { id: old.unitId }, select: { status: true } }),
  ]);
  expect([oldAfter.status, newAfter.status]).toEqual(["ENDED", "ACTIVE"]);
  expect(["VACANT", "OFFERED"]).toContain(oldUnit.status);
  await tenant.goto(`/me/lease/${old.leaseNo}`);
  await expect(tenant.getByTestId("exchange-request")).toHaveAttribute("data-status", "COMPLETED");
  if (SHOTS) await tenant.getByTestId("exchange").screenshot({ path: `${SHOTS}/exchange-card-done-390.png` });
});
