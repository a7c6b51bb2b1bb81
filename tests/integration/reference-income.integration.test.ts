// R of Art. 13.4, kept by municipal officers: which year's figure serves today (one rule for the
// pre-check and the re-check), recording and correcting a year, and who may.
import { beforeEach, describe, expect, it } from "vitest";
import { listReferenceIncomes, referenceIncomeOn, saveReferenceIncome } from "@/lib/reference/reference-income";
import { saveReferenceIncomeSchema } from "@/lib/reference/schemas";
import { runAnnualRecheck } from "@/lib/rechecks/recheck-service";
import { expectAppError } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { createUser, type TestActor } from "../support/users";
import { prisma, seedDistricts, truncateAll } from "./db";

const NOW = { now: cstInstant("2026-06-01") };
const input = (over: Record<string, unknown> = {}) =>
  saveReferenceIncomeSchema.parse({ year: "2025", amountYuan: "52,384.00", source: "市统计局统计公报", publishedOn: "2026-03-15", ...over });

let city: TestActor;
let district: TestActor;
beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  city = await createUser("MUNICIPAL_OFFICER", { name: "市级经办员" });
  district = await createUser("DISTRICT_OFFICER", { districtCode: YUZHONG, name: "渝中经办员" });
});

describe("reference incomes", () => {
  it("are recorded and corrected by municipal officers, audited with the old figure", async () => {
    await saveReferenceIncome(city, input(), NOW);
    expect(await referenceIncomeOn(prisma, "2026-06-01")).toEqual({ found: { year: 2025, fen: 5_238_400 } });
    await saveReferenceIncome(city, input({ amountYuan: "52400" }), NOW);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "ReferenceIncome" }, orderBy: { id: "asc" }, select: { action: true, data: true } });
    expect(audit.map((a) => a.action)).toEqual(["referenceIncome.record", "referenceIncome.correct"]);
    expect(audit[1]!.data).toMatchObject({ fen: 5_240_000, previousFen: 5_238_400 });
    const page = await listReferenceIncomes(city, NOW);
    expect(page).toMatchObject({ inUseYear: 2025, missingYear: null, today: "2026-06-01" });
    expect(page.rows).toEqual([{ year: 2025, fen: 5_240_000, source: "市统计局统计公报", publishedOn: "2026-03-15" }]);
  });

  it("refuse a year not over, a publication in the future or before the year ended", async () => {
    await expectAppError(saveReferenceIncome(city, input({ year: "2026" }), NOW), "VALIDATION");
    await expectAppError(saveReferenceIncome(city, input({ publishedOn: "2026-06-02" }), NOW), "VALIDATION");
    await expectAppError(saveReferenceIncome(city, input({ publishedOn: "2025-12-31" }), NOW), "VALIDATION");
    expect(saveReferenceIncomeSchema.safeParse({ year: "2025", amountYuan: "-1", source: "x公报", publishedOn: "2026-03-15" }).success).toBe(false);
    expect(saveReferenceIncomeSchema.safeParse({ year: "2025", amountYuan: "99999999999", source: "x公报", publishedOn: "2026-03-15" }).error?.issues[0]?.message).toBe(
      "referenceIncomes.validation.amountTooLarge",
    );
    expect(await prisma.referenceIncome.count()).toBe(0);
  });

  it("are for municipal officers only", async () => {
    await expectAppError(saveReferenceIncome(district, input(), NOW), "FORBIDDEN");
    await expectAppError(listReferenceIncomes(district, NOW), "FORBIDDEN");
  });

  it("tell the officer which year to enter when none serves, and the re-check says so", async () => {
    // Only a figure three years old: too old to stand in (lib/rules referenceIncomeYear).
    await saveReferenceIncome(city, input({ year: "2023", publishedOn: "2024-03-01" }), NOW);
    expect(await listReferenceIncomes(city, NOW)).toMatchObject({ inUseYear: null, missingYear: 2025 });
    await expectAppError(runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: district, now: NOW.now }), "CONFLICT", "rechecks.errors.noReferenceIncome");
    const error = await runAnnualRecheck({ districtCode: YUZHONG, year: 2026, actor: district, now: NOW.now }).catch((e: unknown) => e);
    expect((error as { values?: unknown }).values).toEqual({ year: 2025 });
  });
});
