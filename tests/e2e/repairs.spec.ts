import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { smallPng } from "./png";
import { ACCOUNTS, formReady, newPage } from "./support";

// A repair request to completion (Art. 35), as people click it. The tenant 郑凯 (a lease in force
// in 渝中, lib/demo/seed.ts) reports a leaking pipe with a photo; the 渝中 officer assigns it to a
// repair team, with a note for the officers only, and records it done; the tenant sees what was
// done and confirms, and the request is closed. The officer of another district cannot open it.

const TENANT = "13800000011";

test("a repair request to completion", async ({ browser }) => {
  const tenant = await newPage(browser, TENANT);
  await tenant.goto("/me");
  await tenant.getByTestId("tenant-repairs").getByRole("link", { name: "报修与进度" }).click();
  await expect(tenant).toHaveURL(/\/me\/repairs$/);
  await formReady(tenant, "new-repair");
  await tenant.locator("#repair-photo").setInputFiles({ name: "漏水.png", mimeType: "image/png", buffer: smallPng() });
  await expect(tenant.getByTestId("pending-photos").getByRole("listitem")).toHaveCount(1);
  await tenant.getByLabel("报修类别").selectOption({ label: "室内配套设施（门窗、热水器、线路等）" });
  await tenant.getByLabel("问题描述").fill("卫生间洗手池下水管漏水，地面有积水。");
  await tenant.getByLabel("方便上门的时间（选填）").fill("工作日下午");
  await tenant.getByRole("button", { name: "提交报修" }).click();
  await expect(tenant.getByRole("alertdialog")).toContainText("室内配套设施");
  await tenant.getByRole("alertdialog").getByRole("button", { name: "提交" }).click();
  await expect(tenant).toHaveURL(/\/me\/repairs\/BX-500103-\d{4}-\d{6}\?filed=1$/);
  const requestNo = new URL(tenant.url()).pathname.split("/").at(-1)!;
  await expect(tenant.getByText(`报修已提交，编号 ${requestNo}。`)).toBeVisible();
  await expect(tenant.getByTestId("repair-status")).toHaveAttribute("data-status", "OPEN");
  await expect(tenant.getByTestId("repair-photos").getByRole("img")).toHaveCount(1);
  // The photo is served to its tenant as the PNG it was.
  const photoSrc = await tenant.getByTestId("repair-photos").getByRole("img").getAttribute("src");
  const photo = await tenant.request.get(photoSrc!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-type"]).toBe("image/png");

  // Another district's officer finds nothing.
  const other = await newPage(browser, ACCOUNTS.shapingbaOfficer);
  expect((await other.goto(`/staff/repairs/${requestNo}`))?.status()).toBe(404);
  expect((await other.request.get(photoSrc!)).status()).toBe(404);

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff/repairs");
  await officer.getByTestId("repair-list").getByRole("link", { name: requestNo }).click();
  await expect(officer).toHaveURL(new RegExp(`/staff/repairs/${requestNo}$`));
  await formReady(officer, "assign-repair");
  await officer.getByLabel("维修班组或人员").fill("物业维修一班 张师傅");
  await officer.getByLabel("内部备注（选填，承租人不可见）").fill("同一楼栋上月也有类似漏水");
  await officer.getByRole("button", { name: "派单", exact: true }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("物业维修一班 张师傅");
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认派单" }).click();
  await expect(officer.getByTestId("repair-status")).toHaveAttribute("data-status", "ASSIGNED");
  await expect(officer.getByTestId("internal-note")).toContainText("同一楼栋上月也有类似漏水");

  await formReady(officer, "complete-repair");
  await officer.getByLabel("维修结果（承租人可见）").fill("更换下水管及密封圈，已试水无渗漏。");
  await officer.getByRole("button", { name: "登记完成" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认完成" }).click();
  await expect(officer.getByTestId("repair-status")).toHaveAttribute("data-status", "COMPLETED");

  await tenant.goto(`/me/repairs/${requestNo}`);
  await expect(tenant.getByTestId("repair-status")).toHaveAttribute("data-status", "COMPLETED");
  await expect(tenant.getByTestId("repair-resolution")).toContainText("更换下水管及密封圈");
  await expect(tenant.getByTestId("repair-timeline")).toContainText("已派单给 物业维修一班 张师傅");
  // What the officer noted for the officers is not on the tenant's page.
  await expect(tenant.locator("body")).not.toContainText("类似漏水");
  await formReady(tenant, "confirm-repair");
  await tenant.getByRole("button", { name: "确认已修好" }).click();
  await tenant.getByRole("alertdialog").getByRole("button", { name: "确认办结" }).click();
  await expect(tenant.getByTestId("repair-status")).toHaveAttribute("data-status", "CLOSED");
  await expect(tenant.getByText("报修已办结，感谢您的确认。")).toBeVisible();
  await expect(tenant.getByTestId("repair-timeline").locator('[data-step="confirmed"]')).toBeVisible();

  // As recorded: closed, confirmed by the tenant, one photo; the tenant was told twice, by notice and SMS.
  const db = e2ePrisma();
  const row = await db.repairRequest.findUniqueOrThrow({ where: { requestNo }, select: { status: true, tenantConfirmedAt: true, _count: { select: { documents: true } } } });
  expect(row.status).toBe("CLOSED");
  expect(row.tenantConfirmedAt).not.toBeNull();
  expect(row._count.documents).toBe(1);
  const notices = await db.notification.findMany({ where: { templateKey: { startsWith: "repairs." }, params: { path: ["requestNo"], equals: requestNo } }, select: { templateKey: true, channel: true } });
  expect(notices.map((n) => `${n.templateKey}:${n.channel}`).sort()).toEqual(["repairs.assigned:IN_APP", "repairs.assigned:SMS", "repairs.completed:IN_APP", "repairs.completed:SMS"]);
});

test("a patrol scheduled, its findings recorded, and the repair it raised in the repairs list", async ({ browser }) => {
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff/inspections");
  await formReady(officer, "schedule-inspection");
  await officer.getByLabel("方式").selectOption("PATROL");
  await officer.getByRole("button", { name: "安排", exact: true }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认安排" }).click();
  await expect(officer).toHaveURL(/\/staff\/inspections\/[a-z0-9]+$/);
  await expect(officer.getByTestId("inspection-status")).toHaveAttribute("data-status", "SCHEDULED");

  await formReady(officer, "record-inspection");
  await officer.getByLabel("检查发现").fill("3栋一楼楼道灯不亮，其余正常。");
  await officer.getByLabel("同时生成报修工单（第三十五条：及时组织维修）").check();
  await officer.getByLabel("报修内容（承租人可见）").fill("3栋一楼楼道灯不亮，需要更换灯具。");
  await officer.getByRole("button", { name: "保存检查结果" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认保存" }).click();
  await expect(officer.getByTestId("inspection-status")).toHaveAttribute("data-status", "DONE");
  await expect(officer.getByTestId("inspection-findings")).toContainText("3栋一楼楼道灯不亮");
  const raised = officer.getByTestId("inspection-repairs").getByRole("link");
  await expect(raised).toHaveCount(1);
  const requestNo = (await raised.textContent())!.trim();
  await raised.click();
  await expect(officer).toHaveURL(new RegExp(`/staff/repairs/${requestNo}$`));
  await expect(officer.getByTestId("repair-status")).toHaveAttribute("data-status", "OPEN");
  await expect(officer.getByTestId("repair-timeline")).toContainText("巡查走访中发现并登记");
  const row = await e2ePrisma().repairRequest.findUniqueOrThrow({ where: { requestNo }, select: { category: true, unitId: true, inspectionId: true } });
  expect(row).toMatchObject({ category: "COMMON_PARTS", unitId: null });
  expect(row.inspectionId).not.toBeNull();
});
