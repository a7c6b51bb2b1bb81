// compareHousehold (Art. 17-18): the declaration next to the newest records per person and source,
// rows with errors ignored; staff of the application's district and municipal officers only.
import { beforeEach, describe, expect, it } from "vitest";
import { compareHousehold } from "@/lib/shared-data/comparison-service";
import { createCast, createHousehold, csv, importFile, type Cast, type HouseholdFixture } from "../fixtures/shared-data/factories";
import { expectAppError } from "../support/app-errors";
import { SHAPINGBA } from "../support/districts";
import { seedDistricts, truncateAll } from "./db";

let cast: Cast;
let household: HouseholdFixture;


beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
  household = await createHousehold({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
});

const id = (relationship: string) => household.members.find((m) => m.relationship === relationship)!.residentId;

describe("compareHousehold", () => {
  it("shows declared next to recorded for every member, with mismatches flagged", async () => {
    const A = id("APPLICANT");
    const S = id("SPOUSE");
    await importFile(cast.yz, "TAX", csv(["身份证号", "姓名", "纳税年度", "年收入(元)"], [[A, "张伟", 2025, "90000.00"]]), { asOfDate: "2026-04-30" });
    await importFile(cast.yz, "SOCIAL_INSURANCE", csv(["身份证号", "姓名", "单位名称", "缴费地区", "参保状态"], [[A, "张伟", "重庆山城科技有限公司", "重庆市渝中区", "正常参保"]]));
    await importFile(
      cast.city,
      "REAL_ESTATE",
      csv(["身份证号", "姓名", "房产地址", "房产面积(平方米)", "权属状态", "交易日期"], [[S, "李娜", "重庆市渝中区某路1号", "45.5", "已转让", "2024-08-01"]]),
    );
    const result = await compareHousehold(cast.yz, household.applicationId);
    expect(result.onDate).toBe("2026-03-02");
    expect(result.members.map((m) => [m.name, m.declaredIncomeFen, m.recordedIncome?.fen ?? null, m.incomeStatus])).toEqual([
      ["张伟", 4_000_000, 9_000_000, "HIGHER_THAN_DECLARED"],
      ["李娜", 3_000_000, null, "NO_RECORD_CERTIFICATE_NEEDED"],
    ]);
    expect(result.employment.status).toBe("CONFIRMED");
    expect(result.property.flags).toEqual(["UNDECLARED_RECENT_TRANSFER"]);
    expect(result.availableSources.sort()).toEqual(["REAL_ESTATE", "SOCIAL_INSURANCE", "TAX"]);
    expect(result.flags.filter((f) => f.severity === "mismatch").map((f) => f.code)).toEqual(["HIGHER_THAN_DECLARED", "UNDECLARED_RECENT_TRANSFER"]);
  });

  it("uses the newest batch per person and source, and never rows with errors", async () => {
    const A = id("APPLICANT");
    const headers = ["身份证号", "姓名", "纳税年度", "年收入(元)"];
    await importFile(cast.yz, "TAX", csv(headers, [[A, "张伟", 2025, "90000"]]), { asOfDate: "2026-06-30", fileName: "new.csv" });
    // Imported later, but older data: does not replace the newer figure.
    await importFile(cast.yz, "TAX", csv(headers, [[A, "张伟", 2024, "10000"]]), { asOfDate: "2025-06-30", fileName: "old.csv" });
    // Newest of all, but the row is invalid (bad amount): ignored.
    await importFile(cast.yz, "TAX", csv(headers, [[A, "张伟", 2026, "12.345"]]), { asOfDate: "2026-10-31", fileName: "bad.csv" });
    const result = await compareHousehold(cast.city, household.applicationId, { onDate: "2026-11-29" });
    expect(result.members[0]!.recordedIncome).toMatchObject({ source: "TAX", fen: 9_000_000, year: 2025, asOf: "2026-06-30" });
  });

  it("is for staff of the application's district and municipal officers only", async () => {
    const expectNotFound = (p: Promise<unknown>) => expectAppError(p, "NOT_FOUND");
    expect((await compareHousehold(cast.yz, household.applicationId)).applicationId).toBe(household.applicationId);
    expect((await compareHousehold(cast.city, household.applicationId)).applicationId).toBe(household.applicationId);
    await expectNotFound(compareHousehold(cast.spb, household.applicationId));
    await expectNotFound(compareHousehold(cast.applicant, household.applicationId));
    await expectNotFound(compareHousehold(cast.admin, household.applicationId));
    await expectNotFound(compareHousehold(cast.yz, "no-such-application"));
    const spbHousehold = await createHousehold({ status: "ACCEPTED", districtCode: SHAPINGBA });
    await expectNotFound(compareHousehold(cast.yz, spbHousehold.applicationId));
    expect((await compareHousehold(cast.spb, spbHousehold.applicationId)).members).toHaveLength(2);
  });
});
