// Revocable sessions and staff activation (decision 031), as the people involved click: signing
// out ends the session on every device; an administrator creates an officer who activates the
// account with a one-time code and chooses the password; a required change, a deactivation and a
// reset take effect on the officer's open session at once.
import { expect, test, type Page } from "@playwright/test";
import { createApplicant } from "./review-fixtures";
import { ACCOUNTS, DEMO_PASSWORD, newPage, signIn } from "./support";

const OFFICER_PASSWORD = "Officer-pass-2026";
const CHANGED_PASSWORD = "Changed-pass-2027";
const RESET_PASSWORD = "Reset-pass-2028";

test("signing out on one device ends the session on the others", async ({ browser }) => {
  const applicant = await createApplicant("会话测试");
  const phone = await newPage(browser, applicant.phone);
  const laptop = await newPage(browser, applicant.phone);
  await laptop.goto("/me");
  await expect(laptop).toHaveURL(/\/me$/);

  await phone.goto("/me");
  await phone.locator("header").getByRole("button", { name: "退出" }).click();
  await expect(phone).toHaveURL(/\/$/);

  // The laptop's cookie is still in its browser, but it no longer stands.
  await laptop.goto("/me");
  await expect(laptop).toHaveURL(/\/login\?next=%2Fme/);
  expect((await laptop.request.get("/api/session")).status()).toBeLessThan(500);
  expect(await (await laptop.request.get("/api/session")).json()).toEqual({ session: null });
  await phone.context().close();
  await laptop.context().close();
});

async function activate(page: Page, username: string, code: string, password: string): Promise<void> {
  await page.goto("/activate");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("激活码").fill(code);
  await page.getByLabel(/^新密码/).fill(password);
  await page.getByLabel("确认新密码").fill(password);
  await page.getByRole("button", { name: "激活并设置密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=activated/);
  await expect(page.getByText("账号已激活，请用刚设置的密码登录。")).toBeVisible();
}

/** Clicks an administrator's action on the officer's row and confirms it. */
async function adminAction(admin: Page, username: string, action: string, label: string, done: string): Promise<void> {
  await admin.goto("/staff/admin/users");
  const row = admin.getByRole("row").filter({ hasText: username });
  // The table's copy of the row (phones get the same actions in a card list).
  await expect(row.locator(`form[data-testid="staff-${action}-${username}"][data-ready]`)).toBeVisible();
  await row.getByRole("button", { name: label }).click();
  await expect(row.getByRole("alertdialog")).toBeVisible();
  await row.getByRole("button", { name: "确认" }).click();
  await expect(row.getByText(done)).toBeVisible();
}

test("an administrator creates an officer who activates the account; a required change, a deactivation and a reset reach the officer's session at once", async ({ browser }) => {
  const username = `officer.${Date.now() % 1_000_000}`;
  const admin = await newPage(browser, ACCOUNTS.admin);
  await admin.goto("/staff/admin/users");
  const form = admin.locator("#create-staff");
  await form.getByLabel("角色").selectOption({ label: "区县经办人员" });
  await form.getByLabel("所属区县").selectOption({ label: "渝中区（500103）" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("新来的经办人");
  // No password is asked of the administrator.
  await expect(form.getByLabel(/密码/)).toHaveCount(0);
  await form.getByRole("button", { name: "创建账号" }).click();
  const code = (await form.getByTestId("activation-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

  // Before activation nothing signs in, not even the code.
  const officer = await newPage(browser);
  await officer.goto("/login");
  await officer.getByLabel("手机号码或用户名").fill(username);
  await officer.getByLabel("密码", { exact: true }).fill(code);
  await officer.getByRole("button", { name: "登录" }).click();
  await expect(officer.getByText("账号或密码错误。")).toBeVisible();

  // The officer activates from the link on the sign-in page; the code works once.
  await officer.getByRole("link", { name: /激活账号/ }).click();
  await activate(officer, username, code.toLowerCase(), OFFICER_PASSWORD);
  await officer.goto("/activate");
  await officer.getByLabel("用户名").fill(username);
  await officer.getByLabel("激活码").fill(code);
  await officer.getByLabel(/^新密码/).fill(CHANGED_PASSWORD);
  await officer.getByLabel("确认新密码").fill(CHANGED_PASSWORD);
  await officer.getByRole("button", { name: "激活并设置密码" }).click();
  await expect(officer.getByText(/激活码已使用、已过期/).first()).toBeVisible();
  await signIn(officer, username, OFFICER_PASSWORD);
  await expect(officer).toHaveURL(/\/staff/);

  // A required change: the officer's next page is the password change, and nothing else opens.
  await adminAction(admin, username, "forceChange", "要求改密", "下次使用时须先设置新密码");
  await officer.goto("/staff/review");
  await expect(officer).toHaveURL(/\/password$/);
  await expect(officer.getByText("系统管理员要求您设置新密码")).toBeVisible();
  await officer.getByLabel("当前密码").fill(OFFICER_PASSWORD);
  await officer.getByLabel(/^新密码/).fill(CHANGED_PASSWORD);
  await officer.getByLabel("确认新密码").fill(CHANGED_PASSWORD);
  await officer.getByRole("button", { name: "修改密码" }).click();
  await expect(officer).toHaveURL(/\/login\?notice=passwordChanged/);
  await signIn(officer, username, CHANGED_PASSWORD);
  await officer.goto("/staff/review");
  await expect(officer).toHaveURL(/\/staff\/review/);

  // Deactivation: the open session ends at once, and the password no longer signs in.
  await adminAction(admin, username, "deactivate", "停用", "其所有登录已退出");
  await officer.goto("/staff/review");
  await expect(officer).toHaveURL(/\/login/);
  await officer.getByLabel("手机号码或用户名").fill(username);
  await officer.getByLabel("密码", { exact: true }).fill(CHANGED_PASSWORD);
  await officer.getByRole("button", { name: "登录" }).click();
  await expect(officer.getByText("该账号已停用")).toBeVisible();

  // Reactivated and reset: the old password stops working; a new code lets the officer choose another.
  await adminAction(admin, username, "reactivate", "启用", `已启用 ${username}`);
  await adminAction(admin, username, "reset", "重置密码", `已重置 ${username} 的密码`);
  const resetCode = (await admin.getByTestId("activation-code").textContent())!.trim();
  expect(resetCode).not.toBe(code);
  await activate(officer, username, resetCode, RESET_PASSWORD);
  await signIn(officer, username, RESET_PASSWORD);
  await expect(officer).toHaveURL(/\/staff/);
  await admin.context().close();
  await officer.context().close();
});

test("a signed-in user changes their own password from the header; the old one stops working @phone", async ({ browser }) => {
  const applicant = await createApplicant("改密测试");
  const page = await newPage(browser, applicant.phone);
  await page.goto("/me");
  await page.locator("header").getByRole("link", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/password$/);
  // Mistakes are told in plain words and change nothing.
  await page.getByLabel("当前密码").fill("not-the-password1");
  await page.getByLabel(/^新密码/).fill(CHANGED_PASSWORD);
  await page.getByLabel("确认新密码").fill(CHANGED_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。").first()).toBeVisible();
  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByLabel("确认新密码").fill("Something-else-1");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("两次输入的密码不一致").first()).toBeVisible();
  await page.getByLabel("确认新密码").fill(CHANGED_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?notice=passwordChanged/);

  await page.getByLabel("手机号码或用户名").fill(applicant.phone);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("账号或密码错误。")).toBeVisible();
  await signIn(page, applicant.phone, CHANGED_PASSWORD);
  await expect(page).toHaveURL(/\/me/);
  await page.context().close();
});
