// Journeys: registering with an SMS code, resetting a forgotten password with one, and linking a
// 渝快办 application with a code and the applicant's resident ID (docs/decisions/035). The codes
// are read from the development SMS provider's outbox in the database, as the demo's outbox page
// shows them.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SHAPINGBA } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { e2ePrisma } from "./db";
import { ACCOUNTS, newPage, signedIntakeHeaders } from "./support";

const PASSWORD = "Journey-pass-1";
const NEW_PASSWORD = "Journey-pass-2";

function freshPhone(): string {
  return `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** The code of the latest text to `phone` that the development provider "sent" after `since`. */
async function codeSentTo(phone: string, since: bigint): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const latest = await e2ePrisma().devSmsMessage.findFirst({ where: { phone, id: { gt: since } }, orderBy: { id: "desc" } });
      code = latest?.text.match(/\d{6}/)?.[0];
      return code ?? null;
    })
    .not.toBeNull();
  return code!;
}

/**
 * A number gets one code a minute: the journeys move that minute on in the database (the
 * throttle's row for it) rather than wait for it.
 */
async function aMinuteLater(phone: string): Promise<void> {
  await e2ePrisma().loginThrottle.deleteMany({ where: { key: `sms:phone-minute:${phone}` } });
}

async function outboxMark(): Promise<bigint> {
  const last = await e2ePrisma().devSmsMessage.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

function intakeBody(phone: string, residentId: string): string {
  return JSON.stringify({
    externalId: `ykb-e2e-link-${Date.now()}`,
    submittedAt: new Date().toISOString(),
    districtCode: "500106",
    estateLevel: "DISTRICT",
    applicant: {
      name: "孙静",
      residentId,
      phone,
      maritalStatus: "UNMARRIED",
      fullCivilCapacity: true,
      employment: "LABOR_CONTRACT",
      employerName: "重庆某物流有限公司",
      workDistrictCode: "500106",
      isMigrantWorker: false,
      annualIncomeFen: 3_600_000,
    },
    members: [],
    housing: { ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null },
    familyCanSupportHousing: false,
    priorityCategories: [],
    preferences: { estateCodes: ["SPB-002"], unitType: "STUDIO" },
    consentToVerification: true,
    declarationTrue: true,
  });
}

async function registerThroughThePage(page: Page, phone: string, name: string): Promise<void> {
  await page.goto("/register");
  const mark = await outboxMark();
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  // The same answer whether or not the number has an account.
  await expect(page.getByText("如果该号码可以注册，验证码已发送")).toBeVisible();
  await page.getByLabel("短信验证码").fill(await codeSentTo(phone, mark));
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
}

test("@phone registers with a code sent by SMS; a registered number gets the same answer and no code", async ({ browser, request }) => {
  // The development outbox's page exists only on the demo (embedded database); this is a real PostgreSQL.
  expect((await request.get("/sms-outbox")).status()).toBe(404);
  const phone = freshPhone();
  const page = await newPage(browser);
  // A wrong code first: the neutral failure, nothing created.
  await page.goto("/register");
  let mark = await outboxMark();
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("如果该号码可以注册，验证码已发送")).toBeVisible();
  const code = await codeSentTo(phone, mark);
  await page.getByLabel("短信验证码").fill(code === "000000" ? "111111" : "000000");
  await page.getByLabel("姓名").fill("王芳");
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByLabel("确认密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("验证码错误或已失效").first()).toBeVisible();
  // The right code.
  await page.getByLabel("短信验证码").fill(code);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByText("王芳").first()).toBeVisible();
  await page.context().close();

  // Someone else tries the number again: the same words on the page; the text says it has an account.
  const other = await newPage(browser);
  await aMinuteLater(phone);
  await other.goto("/register");
  mark = await outboxMark();
  await other.getByLabel("手机号码").fill(phone);
  await other.getByRole("button", { name: "获取验证码" }).click();
  await expect(other.getByText("如果该号码可以注册，验证码已发送")).toBeVisible();
  await expect.poll(async () => (await e2ePrisma().devSmsMessage.findFirst({ where: { phone, id: { gt: mark } } }))?.text ?? null).toContain("已注册");
  await other.context().close();
});

test("@phone resets a forgotten password with a code: the new password signs in, the old one no longer does", async ({ browser }) => {
  const phone = freshPhone();
  const first = await newPage(browser);
  await registerThroughThePage(first, phone, "赵磊");
  await first.context().close();

  const page = await newPage(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await aMinuteLater(phone);
  const mark = await outboxMark();
  await page.getByLabel("手机号码").fill(phone);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("如果该号码已注册，验证码已发送")).toBeVisible();
  await page.getByLabel("短信验证码").fill(await codeSentTo(phone, mark));
  await page.getByLabel(/^新密码/).fill(NEW_PASSWORD);
  await page.getByLabel("确认新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "重新设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByText("密码已重新设置")).toBeVisible();

  await page.getByLabel("手机号码或用户名").fill(phone);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("账号或密码错误")).toBeVisible();
  await page.getByLabel("密码", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.context().close();
});

test("links a 渝快办 application with a code sent to the account's number and the applicant's resident ID", async ({ browser, request }) => {
  const phone = freshPhone();
  const residentId = freshResidentId({ area: SHAPINGBA, birthDate: "1988-03-03", sex: "F" });
  const body = intakeBody(phone, residentId);
  const created = await request.post("/api/v1/intake/applications", { data: body, headers: signedIntakeHeaders(body) });
  expect(created.status()).toBe(201);
  const { applicationNo } = await created.json();

  const page = await newPage(browser);
  await registerThroughThePage(page, phone, "孙静");
  const card = page.locator("section, div").filter({ has: page.getByRole("heading", { name: "关联预留本账号手机号码的申请" }) }).last();
  await expect(card).toBeVisible();
  // Within the minute of the registration code: refused with a clear message.
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码发送过于频繁")).toBeVisible();
  // A minute later (moved in the database rather than waited for), the code goes out.
  await aMinuteLater(phone);
  const mark = await outboxMark();
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码已发送至本账号的手机号码")).toBeVisible();
  await page.getByLabel("短信验证码").fill(await codeSentTo(phone, mark));
  await page.getByLabel("申请人身份证号码").fill(freshResidentId({ area: SHAPINGBA, birthDate: "1970-01-01", sex: "M" }));
  await page.getByRole("button", { name: "确认并关联" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "身份证号码与这些申请的申请人不符。还可尝试 4 次" })).toBeVisible();
  await page.getByLabel("申请人身份证号码").fill(residentId);
  await page.getByRole("button", { name: "确认并关联" }).click();
  await expect(page.getByRole("link", { name: `查看进度 ${applicationNo}` })).toBeVisible();
  await page.context().close();
});

test("@phone a linking lock is lifted by an officer of the application's district", async ({ browser, request }) => {
  const phone = freshPhone();
  const body = JSON.stringify({ ...JSON.parse(intakeBody(phone, freshResidentId({ area: SHAPINGBA, birthDate: "1991-05-05", sex: "M" }))), externalId: `ykb-e2e-lock-${Date.now()}` });
  expect((await request.post("/api/v1/intake/applications", { data: body, headers: signedIntakeHeaders(body) })).status()).toBe(201);
  const applicant = await newPage(browser);
  await registerThroughThePage(applicant, phone, "钱勇");
  // Five wrong IDs earlier (set in the database rather than typed five times): locked for good.
  const user = await e2ePrisma().user.findUniqueOrThrow({ where: { phone }, select: { id: true } });
  await e2ePrisma().intakeLinkGuard.create({ data: { userId: user.id, failures: 5, lockedAt: new Date() } });
  await applicant.reload();
  await expect(applicant.getByText("在线关联已锁定。请携带身份证到申请所在区县的住房保障部门办理解锁")).toBeVisible();
  await expect(applicant.getByLabel("申请人身份证号码")).toHaveCount(0);

  // Shapingba's officer (the application's district) sees it from the workbench and lifts it.
  const officer = await newPage(browser, ACCOUNTS.shapingbaOfficer);
  await officer.goto("/staff");
  await officer.getByRole("link", { name: /在线关联已锁定/ }).click();
  await expect(officer).toHaveURL(/\/staff\/link-locks$/);
  const entry = officer.getByRole("listitem").filter({ hasText: "钱勇" });
  await expect(entry).toContainText(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  await entry.getByLabel("已核实本人身份证").check();
  await entry.getByRole("button", { name: "解除锁定" }).click();
  await expect(entry.getByText("已解除锁定。")).toBeVisible();
  expect(await e2ePrisma().auditLog.count({ where: { action: "application.link_unlocked", entityId: user.id } })).toBe(1);

  await applicant.reload();
  await expect(applicant.getByLabel("申请人身份证号码")).toBeVisible();
  await applicant.context().close();
  await officer.context().close();
});
