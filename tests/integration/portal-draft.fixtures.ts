// A portal applicant's complete draft, saved step by step through the services as the form does,
// with the Art. 16 documents uploaded: ready for submitDraft.
import { saveHouseholdStep, saveHousingStep, saveWhereStep, saveWorkStep } from "@/lib/applications/drafts";
import { householdStepSchema, housingStepSchema, whereStepSchema, workStepSchema } from "@/lib/applications/schemas";
import type { Actor } from "@/lib/auth/permissions";
import { uploadApplicationDocument } from "@/lib/documents/service";
import { YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Saves every step of a married couple's application in 渝中 for `actor` and uploads its documents. */
export async function startPortalDraft(actor: Actor, options: { applicantResidentId?: string; spouseResidentId?: string } = {}): Promise<{ actor: Actor; applicationId: string }> {
  const { applicationId } = await saveHouseholdStep(
    actor,
    householdStepSchema.parse({
      applicant: { name: "张伟", residentId: options.applicantResidentId ?? freshResidentId(), maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeYuan: "48000" },
      members: [{ name: "林晓", residentId: options.spouseResidentId ?? freshResidentId({ sex: "F" }), relationship: "SPOUSE", maritalStatus: "MARRIED", fullCivilCapacity: true, annualIncomeYuan: "30000" }],
    }),
  );
  await saveWorkStep(actor, workStepSchema.parse({ employment: "LABOR_CONTRACT", employerName: "重庆某物流有限公司", workDistrictCode: YUZHONG, isMigrantWorker: false }));
  await saveHousingStep(
    actor,
    housingStepSchema.parse({ ownsUrbanHousingInCity: false, housingFloorAreaM2: "", lastHousingTransferDate: null, familyCanSupportHousing: false, priorityCategories: [], receivesRentalSubsidy: false }),
  );
  await saveWhereStep(actor, whereStepSchema.parse({ districtCode: YUZHONG, estateLevel: "MUNICIPAL", estateCodes: ["YZ-001"], unitType: "ONE_BEDROOM" }));
  for (const [kind, fileName, bytes] of [
    ["ID_CARD", "身份证.png", PNG],
    ["HOUSEHOLD_REGISTER", "户口簿.pdf", PDF],
    ["MARITAL_STATUS", "结婚证.pdf", PDF],
    ["LABOR_CONTRACT", "劳动合同.pdf", PDF],
  ] as const) {
    await uploadApplicationDocument(actor, { kind, fileName, bytes });
  }
  return { actor, applicationId };
}
