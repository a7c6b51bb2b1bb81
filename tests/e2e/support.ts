import { expect, type Page } from "@playwright/test";

/** Demo accounts seeded by lib/demo/seed.ts (printed by `npm start`). */
export const DEMO_PASSWORD = "anju2025";
export const ACCOUNTS = {
  applicant: "13800000001",
  yuzhongOfficer: "yuzhong.officer",
  shapingbaOfficer: "shapingba.officer",
  cityOfficer: "city.officer",
  admin: "admin",
} as const;

export async function signIn(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("手机号码或用户名").fill(account);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
