import { expect, test } from "@playwright/test";
import { cstInstant, dateColumn } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { e2ePrisma } from "./db";
import { ACCOUNTS, signIn } from "./support";

// Art. 20: the annual re-check cancels a qualification. A qualified household in 渝中区 whose tax
// record now shows an income above the limit: the officer runs the re-check, sees the household
// with its reasons, confirms; the applicant sees the application cancelled, with the reasons.

test("a re-check cancels a qualification and the applicant sees why", async ({ page, context }) => {
  const db = e2ePrisma();
  const stamp = Date.now();
  const phone = `137${String(stamp).slice(-8)}`;
  const applicationNo = `GZF-500103-E2E-${String(stamp).slice(-7)}`;
  const applicantId = freshResidentId({ area: YUZHONG, birthDate: "1985-06-12", sex: "M" });
  const spouseId = freshResidentId({ area: YUZHONG, birthDate: "1987-09-23", sex: "F" });
  const template = await db.user.findUniqueOrThrow({ where: { phone: ACCOUNTS.applicant }, select: { passwordHash: true } });
  const officer = await db.user.findUniqueOrThrow({ where: { username: ACCOUNTS.yuzhongOfficer }, select: { id: true } });
  const user = await db.user.create({ data: { phone, name: "复核测试户", role: "APPLICANT", passwordHash: template.passwordHash }, select: { id: true } });
  const at = cstInstant("2026-03-02");
  const app = await db.application.create({
    data: {
      applicationNo,
      source: "PORTAL",
      applicantUserId: user.id,
      contactPhone: phone,
      districtCode: YUZHONG,
      estateLevel: "DISTRICT",
      status: "QUALIFIED",
      submittedAt: at,
      acceptedAt: at,
      qualifiedAt: cstInstant("2026-04-01"),
      consentedAt: at,
      declaredTrueAt: at,
      declaration: {
        create: { employment: "LABOR_CONTRACT", employerName: "重庆山城科技有限公司", ownsUrbanHousingInCity: false, familyCanSupportHousing: false, priorityCategories: [] },
      },
      members: {
        create: [
          { relationship: "APPLICANT", name: "复核测试户", ...memberIdentity(applicantId), fullCivilCapacity: true, annualIncomeFen: 4_000_000 },
          { relationship: "SPOUSE", name: "复核配偶", ...memberIdentity(spouseId), fullCivilCapacity: true, annualIncomeFen: 3_000_000 },
        ],
      },
      statusEvents: { create: [{ fromStatus: "IN_PUBLICITY", toStatus: "QUALIFIED", at: cstInstant("2026-04-01"), reason: "公示期满无异议，取得配租资格" }] },
    },
    select: { id: true },
  });
  await db.qualification.create({ data: { applicationId: app.id, qualifiedOn: dateColumn("2026-04-01"), entitledUnitType: "ONE_BEDROOM" } });
  // The tax bureau's file: 90,000 yuan for the applicant → (90,000 + 30,000) / 2 > 1.1 R (Art. 13.4).
  const batch = await db.sharedDataImportBatch.create({
    data: { source: "TAX", fileName: `tax-e2e-${stamp}.csv`, sha256: String(stamp).padStart(64, "0"), status: "COMPLETED", rowCount: 1, importedById: officer.id, asOfDate: dateColumn("2026-06-30") },
    select: { id: true },
  });
  await db.sharedDataRecord.create({
    data: { batchId: batch.id, source: "TAX", rowNo: 1, residentId: applicantId, fields: { residentId: applicantId, name: "复核测试户", year: 2025, annualIncomeFen: 9_000_000 } },
  });

  // The officer runs the re-check.
  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await page.goto("/staff/rechecks");
  await expect(page.getByRole("heading", { level: 1, name: "年度复核" })).toBeVisible();
  await page.getByRole("button", { name: /^开始 \d{4} 年度复核$/ }).click();
  await page.getByRole("button", { name: "确定开始" }).click();
  await expect(page.getByText(/年度复核完成/)).toBeVisible({ timeout: 20_000 });

  // The household is listed with its reason; its page explains it by article.
  const link = page.getByRole("link", { name: `复核测试户 · ${applicationNo}` });
  await expect(link).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: link })).toContainText("家庭人均收入超过规定标准（第十三条第四项）");
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("复核测试户");
  await expect(page.getByText(/高于本市上年度城镇居民人均可支配收入的 1.1 倍 57622.40 元（第十三条第四项）/)).toBeVisible();
  await expect(page.getByText("年收入由申报 40,000.00 元改为 90,000.00 元")).toBeVisible();
  await expect(page.getByRole("heading", { name: "共享数据核验" })).toBeVisible();

  await page.getByLabel("补充说明（选填）").fill("如有异议，请携带收入证明到区住房保障中心说明。");
  await page.getByRole("button", { name: "取消该家庭的配租资格" }).click();
  await page.getByRole("button", { name: "确认取消资格" }).click();
  await expect(page.getByText("已取消该家庭的配租资格，并已通知申请人。")).toBeVisible();

  // The applicant sees the cancellation and the reasons.
  await context.clearCookies();
  await signIn(page, phone);
  await page.goto(`/me/applications/${encodeURIComponent(applicationNo)}`);
  await expect(page.getByText("资格已取消").first()).toBeVisible();
  await expect(page.getByText(/家庭人均收入超过规定标准（第十三条第四项）/).first()).toBeVisible();
  await expect(page.getByText(/如有异议，请携带收入证明/).first()).toBeVisible();
});
