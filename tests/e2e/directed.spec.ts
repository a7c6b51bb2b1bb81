import { expect, test } from "@playwright/test";
import { pdfText, pdfTextCompact } from "../support/pdf-text";
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

  // The lease (Art. 24-26): drawn up by the officer with the household from the enterprise's
  // papers; the nominee has no portal account, signs on paper before the officer, who records it;
  // countersigned into force, and the printed lease names the enterprise and who saw it signed.
  await page.goBack();
  await page.getByTestId("nominees").getByRole("link", { name: "起草租赁合同" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("起草定向配租租赁合同");
  await formReady(page, "draft-directed-lease");
  await page.getByLabel(/^手机号码/).fill("1390000");
  await page.getByLabel(/^本人年收入/).fill("48000");
  await page.getByRole("button", { name: "起草合同" }).click();
  await expect(page.getByText("请输入11位手机号码")).toBeVisible();
  await page.getByLabel(/^手机号码/).fill(`139${String(Date.now()).slice(-8)}`);
  await page.getByRole("button", { name: "起草合同" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("为 林晓峰 起草");
  await page.getByRole("alertdialog").getByRole("button", { name: "起草" }).click();
  await expect(page).toHaveURL(/\/staff\/leases\/[^/]+$/);
  const leaseNo = decodeURIComponent(page.url().split("/").pop()!);
  await expect(page.getByText("待承租人签约").first()).toBeVisible();

  await formReady(page, "paper-signature");
  await page.getByRole("button", { name: "登记当面签署" }).click();
  await expect(page.getByText("请确认已核验承租人身份证件，且承租人已当面签字")).toBeVisible();
  await page.getByLabel("已核验承租人身份证件，承租人已在纸质合同上当面签字").check();
  await page.getByRole("button", { name: "登记当面签署" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(leaseNo);
  await page.getByRole("alertdialog").getByRole("button", { name: "确认登记" }).click();
  await expect(page.getByText("待运营单位确认").first()).toBeVisible();

  await formReady(page, "countersign-lease");
  await page.getByRole("button", { name: "确认合同" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认生效" }).click();
  await expect(page.getByText("履行中").first()).toBeVisible();

  const pdf = await page.request.get(`/api/leases/${leaseNo}/pdf`);
  expect(pdf.status()).toBe(200);
  const compact = await pdfTextCompact(await pdf.body());
  expect(compact).toContain(`配租给${recipient}`);
  expect(compact).toContain("当面签署纸质合同");
  expect(await pdfText(await pdf.body())).toContain(leaseNo);
});
