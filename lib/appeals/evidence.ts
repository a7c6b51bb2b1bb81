import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, type Actor } from "@/lib/auth/permissions";
import { fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { checkUploadedFile } from "@/lib/documents/service";
import { deleteObject, storeObject } from "@/lib/documents/storage";
import { AppError } from "@/lib/errors";
import type { DocumentKind, Prisma } from "@/lib/generated/prisma/client";
import { isAppealableStatus } from "@/lib/rules/application-status";

// What an applicant hands in with an appeal (Art. 19): a written statement and evidence, say a new
// income certificate. Uploaded while the appeal window is open, kept with the application until
// the appeal is lodged, then attached to it, where the municipal officer reads them.

/** The kinds of document an appeal takes. */
export const APPEAL_DOCUMENT_KINDS = ["APPEAL_STATEMENT", "INCOME_CERTIFICATE", "OTHER"] as const satisfies readonly DocumentKind[];
export type AppealDocumentKind = (typeof APPEAL_DOCUMENT_KINDS)[number];
export const MAX_APPEAL_DOCUMENTS = 10;

export function isAppealDocumentKind(value: unknown): value is AppealDocumentKind {
  return typeof value === "string" && (APPEAL_DOCUMENT_KINDS as readonly string[]).includes(value);
}

type Db = Prisma.TransactionClient;

/** The documents the actor has uploaded for an appeal not lodged yet. */
export function pendingEvidenceWhere(applicationId: string, actorId: string): Prisma.DocumentWhereInput {
  return { applicationId, appealId: null, uploadedById: actorId, kind: { in: [...APPEAL_DOCUMENT_KINDS] } };
}

/** The application, if the actor may appeal it today: their own, an appealable refusal, the window open. */
async function appealableFor(db: Db, actor: Actor, applicationNo: string, today: string) {
  const app = await db.application.findUnique({
    where: { applicationNo },
    select: { id: true, status: true, districtCode: true, applicantUserId: true, appealDueDate: true },
  });
  if (!app || !can(actor, "appeal:submit", { ownerId: app.applicantUserId })) throw new AppError("NOT_FOUND", { messageKey: "appeals.errors.notFound" });
  const deadline = app.appealDueDate ? fromDateColumn(app.appealDueDate) : null;
  if (!isAppealableStatus(app.status) || !deadline) throw new AppError("CONFLICT", { messageKey: "appeals.errors.notAppealable" });
  if (today > deadline) throw new AppError("CONFLICT", { messageKey: "appeals.errors.late", values: { deadline } });
  return app;
}

/** Adds a document to the actor's appeal in preparation. PDF, JPEG or PNG by content and name, at most 10 MB. */
export async function uploadAppealDocument(
  actor: Actor,
  input: { applicationNo: unknown; kind: unknown; fileName: string; bytes: Uint8Array },
  options: { now?: Date } = {},
): Promise<{ id: string; kind: AppealDocumentKind; fileName: string; sizeBytes: number }> {
  if (typeof input.applicationNo !== "string" || input.applicationNo.length > 40) throw new AppError("NOT_FOUND", { messageKey: "appeals.errors.notFound" });
  if (!isAppealDocumentKind(input.kind)) throw new AppError("VALIDATION", { messageKey: "applications.documents.errors.kindInvalid", status: 422 });
  const { type, fileName } = checkUploadedFile(input);
  const today = todayCST(options.now ?? clockNow());
  const applicationNo = input.applicationNo;
  const kind = input.kind;
  // Checked before the bytes are written, and again in the transaction that records them.
  await appealableFor(prisma, actor, applicationNo, today);
  const stored = await storeObject(input.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      const app = await appealableFor(tx, actor, applicationNo, today);
      // One at a time per application, so that the limit holds under parallel uploads.
      await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${app.id} FOR UPDATE`;
      if ((await tx.document.count({ where: pendingEvidenceWhere(app.id, actor.id) })) >= MAX_APPEAL_DOCUMENTS) {
        throw new AppError("VALIDATION", { messageKey: "appeals.errors.tooManyDocuments", values: { max: MAX_APPEAL_DOCUMENTS } });
      }
      const doc = await tx.document.create({
        data: { kind, fileName, mimeType: type, sizeBytes: input.bytes.byteLength, sha256: stored.sha256, storageKey: stored.storageKey, uploadedById: actor.id, applicationId: app.id },
        select: { id: true, kind: true, fileName: true, sizeBytes: true },
      });
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "appeal.document_uploaded", entityType: "Document", entityId: doc.id, districtCode: app.districtCode, data: { applicationId: app.id, kind, sizeBytes: doc.sizeBytes, sha256: stored.sha256 } },
        tx,
      );
      return { id: doc.id, kind, fileName: doc.fileName, sizeBytes: doc.sizeBytes };
    });
  } catch (error) {
    await deleteObject(stored.storageKey).catch(() => {});
    throw error;
  }
}

/** Removes a document the actor uploaded for an appeal not lodged yet. */
export async function deleteAppealDocument(actor: Actor, documentId: string): Promise<void> {
  const storageKey = await prisma.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({
      where: { id: documentId },
      select: { id: true, kind: true, storageKey: true, appealId: true, uploadedById: true, application: { select: { id: true, applicantUserId: true, districtCode: true } } },
    });
    const app = doc?.application;
    if (!doc || !app || doc.uploadedById !== actor.id || !isAppealDocumentKind(doc.kind) || !can(actor, "appeal:submit", { ownerId: app.applicantUserId })) {
      throw new AppError("NOT_FOUND");
    }
    // Once lodged, an appeal's documents are the municipal agency's record.
    const removed = await tx.document.deleteMany({ where: { id: doc.id, appealId: null } });
    if (removed.count !== 1) throw new AppError("CONFLICT", { messageKey: "appeals.errors.documentLodged" });
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "appeal.document_deleted", entityType: "Document", entityId: doc.id, districtCode: app.districtCode, data: { applicationId: app.id, kind: doc.kind } },
      tx,
    );
    return doc.storageKey;
  });
  await deleteObject(storageKey).catch(() => {});
}
