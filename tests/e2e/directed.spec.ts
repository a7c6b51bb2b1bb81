import { expect, test } from "@playwright/test";
import { freshResidentId } from "../support/resident-id";
import { ACCOUNTS, formReady, signIn } from "./support";

// Directed allocation (定向配租, Art. 24): a district officer directs units of a district estate to
// a park's enterprise, adds its nominees (one checked eligible, one refused with the article),
// assigns the eligible one a unit, and the public notice shows the assignment masked.

test("a district officer directs units to an enterprise, checks its nominees and assigns one a unit; the public notice is masked", async ({ page }) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const recipient = `重庆两江某电子科技有限公司${tag}`;
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto("/staff/directed");
  await page.getByRole("link", { name: "新建定向配租" }).click();
  await formReady(page, "create-directed");
  await page.getByLabel(/^小区/).selectOption({ label: "安居·梧桐苑（SPB-002）" });
  await page.getByLabel(/^类别/).selectOption("ENTERPRISE");
  await page.getByLabel(/^企业或单位名称/).fill(recipient);
  await page.getByLabel(/^定向配租依据/).fill("沙府复〔2026〕8号 关于园区企业员工定向配租公租房的批复");
  await page.getByLabel(/^户型/).selectOption("ONE_BEDROOM");
  await page.getByLabel(/^配租套数/).fill("0");
  await page.getByLabel(/^截止日期/).fill("2099-12-31");
  await page.getByRole("button", { name: "新建定向配租" }).click();
  await expect(page.getByText("配租套数须为 1 至 500 的整数。")).toBeVisible();
  await page.getByLabel(/^配租套数/).fill("2");
  await page.getByRole("button", { name: "新建定向配租" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`确定为“${recipient}”预留 2 套房源并公开公布吗？`);
  await page.getByRole("alertdialog").getByRole("button", { name: "确认新建" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(recipient);
  await expect(page.getByTestId("directed-units").getByRole("listitem")).toHaveCount(2);

  // Two nominees: one with a labour contract seen, one without (refused under Art. 24).
  const addNominee = async (name: string, employed: boolean) => {
    await formReady(page, "add-nominee");
    await page.getByLabel(/^姓名/).fill(name);
    await page.getByLabel(/^居民身份证号码/).fill(freshResidentId({ birthDate: "1996-08-08", sex: "M" }));
    if (employed) await page.getByLabel("已核验与该企业的劳动合同").check();
    await page.getByRole("button", { name: "添加并审核" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确认添加" }).click();
    await expect(page.getByTestId("nominees")).toContainText(name);
  };
  await addNominee("林晓峰", true);
  await addNominee("周未签", false);
  const refused = page.locator('[data-nominee-status="INELIGIBLE"]');
  await expect(refused).toContainText("周未签");
  await expect(refused).toContainText("未核验与该企业的劳动合同（第二十四条）");
  await expect(page.locator('[data-nominee-status="ELIGIBLE"]')).toContainText("符合本次定向配租条件");

  await formReady(page, "assign-nominee");
  await page.getByLabel(/^被推荐人/).selectOption({ index: 1 });
  await page.getByLabel(/^房源/).selectOption({ index: 1 });
  await page.getByRole("button", { name: "分配房源" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("林晓峰");
  await page.getByRole("alertdialog").getByRole("button", { name: "确认分配" }).click();
  await expect(page.locator('[data-nominee-status="ASSIGNED"]')).toContainText("林晓峰");
  await expect(page.getByTestId("directed-units")).toContainText("已分配给 林晓峰");

  // The public notice: the enterprise, the basis, the period, and the assignment masked.
  await page.getByRole("link", { name: "查看公告" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(recipient);
  const assigned = page.getByTestId("directed-assigned");
  await expect(assigned).toContainText("林**");
  await expect(assigned).not.toContainText("林晓峰");
  await expect(assigned).toContainText(/\d{6}\*{8}\d{3}[\dX]/);
  await expect(page.getByText("1/2 套已分配")).toBeVisible();
});
