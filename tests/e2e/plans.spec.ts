import { expect, test } from "@playwright/test";
import { ACCOUNTS, formReady, newPage, signIn } from "./support";

// Allocation plans (配租方案, Art. 23): drafted by an officer who manages the estate, approved by a
// second officer, published with its units reserved for it.
test("a district officer drafts a lottery plan, a second officer approves and publishes it", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto("/staff/estates/SPB-002");
  await page.getByRole("link", { name: "编制配租方案" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("编制配租方案 · 安居·梧桐苑");

  const form = page.getByTestId("plan-form");
  const title = `安居·梧桐苑公开摇号配租方案（${String(Date.now()).slice(-6)}）`;
  await form.getByLabel(/^方案名称/).fill(title);
  await form.getByLabel(/^选房开始日期/).fill("2027-03-20");
  await form.getByLabel(/^选房结束日期/).fill("2027-03-31");
  await form.getByRole("button", { name: "保存草稿" }).click();
  // Art. 23: a lottery is by application period, with its beacon named in advance; and it offers units.
  await expect(form.getByText("公开摇号须设定申请期（第二十三条）").first()).toBeVisible();
  await expect(form.getByText("请至少选择一套房源")).toBeVisible();

  await form.getByLabel(/^申请期开始/).fill("2026-01-01");
  await form.getByLabel(/^申请期结束/).fill("2027-02-28");
  await form.getByLabel(/^名单冻结日期/).fill("2027-03-05");
  await form.getByLabel(/^摇号日期/).fill("2027-03-10");
  await form.getByLabel(/^优先配租房源比例/).fill("20");
  await form.getByLabel(/^公开随机数来源/).fill("摇号当日公证员在现场宣读的六位数字");
  const group = form.locator('[data-group="1栋-TWO_BEDROOM"]');
  await group.locator("summary").click();
  const boxes = group.locator('input[name="unitIds"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(form.getByText("已选 2 套")).toBeVisible();
  await form.getByRole("button", { name: "保存草稿" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  await expect(page.getByTestId("plan-units").locator("li")).toHaveCount(2);
  await formReady(page, "plan-submit-form");
  await page.getByRole("button", { name: "提交审批" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
  await expect(page.getByText("方案已提交，等待另一位经办人审批。您编制的方案不能由您审批。")).toBeVisible();
  const planUrl = page.url();

  const reviewer = await newPage(browser, "shapingba.reviewer");
  await reviewer.goto(planUrl);
  await formReady(reviewer, "plan-approve-form");
  await reviewer.getByRole("button", { name: "审批通过" }).click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "确认通过" }).click();
  await formReady(reviewer, "plan-publish-form");
  await reviewer.getByRole("button", { name: "发布方案" }).click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "确认发布" }).click();
  await expect(reviewer.getByText("已发布", { exact: true })).toBeVisible();
  await expect(reviewer.getByTestId("plan-history")).toContainText("沙坪坝区 冯科长 审批于");
  // Its units are reserved for it.
  await expect(reviewer.getByTestId("plan-units").locator("li", { hasText: "方案" })).toHaveCount(2);
  await reviewer.context().close();

  // Published: anyone reads the plan and the units it offers, and never who drafted or approved it.
  const visitor = await newPage(browser);
  await visitor.goto("/plans");
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByText("摇号当日公证员在现场宣读的六位数字")).toBeVisible();
  await expect(visitor.getByTestId("public-plan-units").locator("tbody tr")).toHaveCount(2);
  await expect(visitor.getByText("冯科长")).toHaveCount(0);
  await visitor.context().close();
});
