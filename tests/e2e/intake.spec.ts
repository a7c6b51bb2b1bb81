// Journey: the 渝快办 platform submits an application through the signed intake API, retries it
// (idempotent), reads its status, and the district officer finds it in the review queue.
import { expect, test } from "@playwright/test";
import { SHAPINGBA } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { ACCOUNTS, signIn, signedIntakeHeaders } from "./support";

test("a signed submission through the intake API, replayed idempotently, reaches the district officer", async ({ page, request, browser }) => {
  const externalId = `ykb-e2e-${Date.now()}`;
  const body = JSON.stringify({
    externalId,
    submittedAt: new Date().toISOString(),
    districtCode: "500106",
    estateLevel: "DISTRICT",
    applicant: {
      name: "邓明",
      residentId: freshResidentId({ area: SHAPINGBA, birthDate: "1987-09-09", sex: "M" }),
      phone: "13900009876",
      maritalStatus: "MARRIED",
      fullCivilCapacity: true,
      employment: "LABOR_CONTRACT",
      employerName: "重庆某制造有限公司",
      workDistrictCode: "500106",
      isMigrantWorker: false,
      annualIncomeFen: 4_200_000,
    },
    members: [{ name: "许丽", residentId: freshResidentId({ area: SHAPINGBA, birthDate: "1990-01-20", sex: "F" }), relationship: "SPOUSE", fullCivilCapacity: true, annualIncomeFen: 2_400_000 }],
    housing: { ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null },
    familyCanSupportHousing: false,
    priorityCategories: [],
    preferences: { estateCodes: ["SPB-002"], unitType: "ONE_BEDROOM" },
    consentToVerification: true,
    declarationTrue: true,
  });

  // The estates the platform may offer.
  const estates = await request.get("/api/v1/estates");
  expect(estates.status()).toBe(200);
  expect((await estates.json()).find((e: { code: string }) => e.code === "SPB-002")).toMatchObject({ level: "DISTRICT", districtCode: "500106" });

  // Unsigned: refused, nothing stored.
  const unsigned = await request.post("/api/v1/intake/applications", { data: body, headers: { "content-type": "application/json" } });
  expect(unsigned.status()).toBe(401);

  const created = await request.post("/api/v1/intake/applications", { data: body, headers: signedIntakeHeaders(body) });
  expect(created.status()).toBe(201);
  const first = await created.text();
  const json = JSON.parse(first);
  expect(json).toMatchObject({ applicationNo: expect.stringMatching(/^GZF-500106-\d{4}-\d{6}$/), status: "SUBMITTED", eligibility: { eligible: true, reasons: [] } });

  // The platform retries: the same answer, verbatim, with 200.
  const replay = await request.post("/api/v1/intake/applications", { data: body, headers: signedIntakeHeaders(body) });
  expect(replay.status()).toBe(200);
  expect(await replay.text()).toBe(first);

  // Its status, signed over an empty body.
  const status = await request.get(`/api/v1/intake/applications/${json.applicationNo}`, { headers: signedIntakeHeaders("") });
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ applicationNo: json.applicationNo, externalId, status: "SUBMITTED", statusHistory: [{ status: "SUBMITTED" }] });

  // Validation failures say which field.
  const bad = JSON.stringify({ ...JSON.parse(body), externalId: `${externalId}-bad`, preferences: { estateCodes: ["SPB-002"], unitType: "THREE_BEDROOM" } });
  const refused = await request.post("/api/v1/intake/applications", { data: bad, headers: signedIntakeHeaders(bad) });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).issues).toEqual([{ path: "preferences.unitType", message: expect.stringContaining("第二十一条") }]);

  // The OpenAPI document describes it.
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).paths).toHaveProperty("/api/v1/intake/applications");

  // The 沙坪坝 officer finds it in the review queue; the 渝中 officer does not.
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto(`/staff/review?q=${json.applicationNo}`);
  await expect(page.getByText(json.applicationNo).first()).toBeVisible();

  const other = await browser.newPage();
  await signIn(other, ACCOUNTS.yuzhongOfficer);
  await other.goto(`/staff/review?q=${json.applicationNo}`);
  await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(other.getByText(json.applicationNo)).toHaveCount(0);
  await other.close();
});
