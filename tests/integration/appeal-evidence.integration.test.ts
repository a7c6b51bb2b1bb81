// An appeal takes documents (Art. 19): the applicant uploads a statement and evidence while the
// appeal window is open; lodging the appeal sends them with it, where the municipal officer reads
// them; once lodged they can no longer be removed.
import { rm } from "node:fs/promises";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/anju-appeal-evidence-${process.pid}`;
});

import { getAppealDetail, getAppealPage, lodgeAppeal } from "@/lib/appeals/appeals";
import { deleteAppealDocument, MAX_APPEAL_DOCUMENTS, uploadAppealDocument } from "@/lib/appeals/evidence";
import { lodgeAppealSchema } from "@/lib/appeals/schemas";
import { openApplicationDocument } from "@/lib/documents/service";
import { uploadRoot } from "@/lib/documents/storage";
import { decideReview } from "@/lib/review/decisions";
import { reviewDecisionSchema } from "@/lib/review/schemas";
import { expectAppError } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { prisma, seedDistricts, truncateAll } from "./db";
import { PDF, PNG } from "./portal-draft.fixtures";
import { createApplication, createCast, type Cast } from "./review-fixtures";

const REFUSED_ON = "2025-06-09"; // Monday
const APPEAL_DUE = "2025-06-23"; // the 10th working day after
const IN_TIME = { now: cstInstant("2025-06-12") };

let cast: Cast;
beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});
afterAll(async () => {
  await rm(uploadRoot(), { recursive: true, force: true });
});

async function refused() {
  const app = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
  await decideReview(
    cast.yz1,
    reviewDecisionSchema.parse({ applicationId: app.id, level: "FIRST", outcome: "REJECTED", reasonCodes: ["INCOME_ABOVE_LIMIT"], reasonText: "家庭人均收入超过标准。" }),
    { now: cstInstant(REFUSED_ON) },
  );
  return app;
}

const statement = (applicationNo: string, kind = "APPEAL_STATEMENT") => ({ applicationNo, kind, fileName: "申诉书.pdf", bytes: PDF });

describe("appeal documents", () => {
  it("are uploaded while the window is open and go with the lodged appeal to the municipal officer", async () => {
    const app = await refused();
    const a = await uploadAppealDocument(cast.applicant, statement(app.applicationNo), IN_TIME);
    const b = await uploadAppealDocument(cast.applicant, { applicationNo: app.applicationNo, kind: "INCOME_CERTIFICATE", fileName: "收入证明.png", bytes: PNG }, IN_TIME);
    const page = await getAppealPage(cast.applicant, app.applicationNo, IN_TIME);
    expect(page!.evidence.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    // Not offered again as one of the application's own documents.
    expect(page!.documents.map((d) => d.id)).not.toContain(a.id);

    const { appealId } = await lodgeAppeal(cast.applicant, lodgeAppealSchema.parse({ applicationNo: app.applicationNo, grounds: "本人已于今年离职，收入下降，附新的收入证明。" }), IN_TIME);
    const detail = await getAppealDetail(cast.city, appealId);
    expect(detail!.documents.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect((await openApplicationDocument(cast.city, a.id)).bytes.byteLength).toBe(PDF.byteLength);
    // Lodged: the agency's record now.
    await expectAppError(deleteAppealDocument(cast.applicant, a.id), "CONFLICT", "appeals.errors.documentLodged");
    expect((await getAppealPage(cast.applicant, app.applicationNo, IN_TIME))!.evidence).toEqual([]);
  });

  it("can be removed before the appeal is lodged, by the applicant who uploaded them only", async () => {
    const app = await refused();
    const doc = await uploadAppealDocument(cast.applicant, statement(app.applicationNo), IN_TIME);
    await expectAppError(deleteAppealDocument(cast.otherApplicant, doc.id), "NOT_FOUND");
    await deleteAppealDocument(cast.applicant, doc.id);
    expect(await prisma.document.count({ where: { id: doc.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: doc.id, action: { in: ["appeal.document_uploaded", "appeal.document_deleted"] } } })).toBe(2);
  });

  it("are refused after the window, for another's application, of another kind or type, and past the limit", async () => {
    const app = await refused();
    await expectAppError(uploadAppealDocument(cast.applicant, statement(app.applicationNo), { now: cstInstant("2025-06-24") }), "CONFLICT", "appeals.errors.late");
    await expectAppError(uploadAppealDocument(cast.otherApplicant, statement(app.applicationNo), IN_TIME), "NOT_FOUND");
    await expectAppError(uploadAppealDocument(cast.yz1, statement(app.applicationNo), IN_TIME), "NOT_FOUND");
    await expectAppError(uploadAppealDocument(cast.applicant, statement(app.applicationNo, "ID_CARD"), IN_TIME), "VALIDATION", "applications.documents.errors.kindInvalid");
    await expectAppError(
      uploadAppealDocument(cast.applicant, { applicationNo: app.applicationNo, kind: "OTHER", fileName: "x.pdf", bytes: new TextEncoder().encode("not a pdf") }, IN_TIME),
      "VALIDATION",
    );
    for (let i = 0; i < MAX_APPEAL_DOCUMENTS; i++) await uploadAppealDocument(cast.applicant, statement(app.applicationNo, "OTHER"), IN_TIME);
    await expectAppError(uploadAppealDocument(cast.applicant, statement(app.applicationNo), IN_TIME), "VALIDATION", "appeals.errors.tooManyDocuments");
    // Not a refusal open to appeal: nothing to attach to.
    const accepted = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
    await expectAppError(uploadAppealDocument(cast.applicant, statement(accepted.applicationNo), IN_TIME), "CONFLICT", "appeals.errors.notAppealable");
  });
});
