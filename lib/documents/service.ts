import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findEditableApplicationId } from "@/lib/applications/draft-data";
import {
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS_PER_APPLICATION,
  UPLOAD_DOCUMENT_KINDS,
  type UploadDocumentKind,
} from "@/lib/applications/schemas";
import { cleanFileName, extensionMatches, sniffDocumentType } from "./file-type";
import { deleteObject, readObject, storeObject } from "./storage";

// Application documents (Art. 16): uploaded by the applicant to the application in progress,
// stored on disk with their SHA-256, and read only by those who may read the application: its
// applicant, officers of its district, municipal officers (lib/auth/permissions application:read).

export interface UploadedDocument {
  id: string;
  kind: UploadDocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

function documentError(key: string, status = 422): AppError {
  return new AppError("VALIDATION", { messageKey: `applications.documents.errors.${key}`, status });
}

/**
 * Any uploaded document (an application's, an appeal's): not empty, at most 10 MB, a PDF, JPEG or
 * PNG by its content (magic bytes) and by its name. Returns the type and the cleaned name.
 */
export function checkUploadedFile(input: { fileName: string; bytes: Uint8Array }): { type: NonNullable<ReturnType<typeof sniffDocumentType>>; fileName: string } {
  if (input.bytes.byteLength === 0) throw documentError("empty");
  if (input.bytes.byteLength > MAX_DOCUMENT_BYTES) throw documentError("tooLarge", 413);
  const type = sniffDocumentType(input.bytes);
  const fileName = cleanFileName(input.fileName);
  if (!type || !extensionMatches(fileName, type)) throw documentError("typeInvalid", 415);
  return { type, fileName };
}

export function isUploadKind(value: unknown): value is UploadDocumentKind {
  return typeof value === "string" && (UPLOAD_DOCUMENT_KINDS as readonly string[]).includes(value);
}

/**
 * Adds a document to the actor's application in progress (a draft, or one returned for documents).
 * PDF, JPEG or PNG by content (magic bytes) and by name, at most 10 MB.
 */
export async function uploadApplicationDocument(
  actor: Actor,
  input: { kind: unknown; fileName: string; bytes: Uint8Array },
): Promise<UploadedDocument> {
  assertCan(actor, "application:update");
  if (!isUploadKind(input.kind)) throw documentError("kindInvalid");
  const { type, fileName } = checkUploadedFile(input);

  const applicationId = await findEditableApplicationId(prisma, actor.id);
  if (!applicationId) throw new AppError("NOT_FOUND", { messageKey: "applications.errors.noDraft" });

  // The bytes go to disk first; if the row is not written the file is removed again.
  const stored = await storeObject(input.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      const app = await tx.application.findUnique({
        where: { id: applicationId },
        select: { id: true, status: true, applicantUserId: true, districtCode: true },
      });
      if (!app) throw new AppError("NOT_FOUND");
      assertCan(actor, "application:update", { ownerId: app.applicantUserId, districtCode: app.districtCode });
      if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("CONFLICT", { messageKey: "applications.errors.notEditable" });
      // Counted by the (applicationId, kind) index; a relation `_count` would count every document of the city.
      if ((await tx.document.count({ where: { applicationId: app.id } })) >= MAX_DOCUMENTS_PER_APPLICATION) throw documentError("tooMany");
      const doc = await tx.document.create({
        data: {
          kind: input.kind as UploadDocumentKind,
          fileName,
          mimeType: type,
          sizeBytes: input.bytes.byteLength,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedById: actor.id,
          applicationId: app.id,
        },
        select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true },
      });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "document.uploaded",
          entityType: "Document",
          entityId: doc.id,
          districtCode: app.districtCode,
          data: { applicationId: app.id, kind: doc.kind, sizeBytes: doc.sizeBytes, sha256: doc.sha256, mimeType: type },
        },
        tx,
      );
      return doc as UploadedDocument;
    });
  } catch (error) {
    await deleteObject(stored.storageKey).catch(() => {});
    throw error;
  }
}

/** Removes a document from the actor's application in progress. */
export async function deleteApplicationDocument(actor: Actor, documentId: string): Promise<void> {
  assertCan(actor, "application:update");
  const storageKey = await prisma.$transaction(async (tx) => {
    const doc = await tx.document.findUnique({
      where: { id: documentId },
      select: { id: true, storageKey: true, kind: true, application: { select: { id: true, status: true, applicantUserId: true, districtCode: true } } },
    });
    const app = doc?.application;
    if (!doc || !app || !can(actor, "application:update", { ownerId: app.applicantUserId, districtCode: app.districtCode })) {
      throw new AppError("NOT_FOUND");
    }
    if (app.status !== "DRAFT" && app.status !== "RETURNED") throw new AppError("CONFLICT", { messageKey: "applications.errors.notEditable" });
    await tx.document.delete({ where: { id: doc.id } });
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "document.deleted", entityType: "Document", entityId: doc.id, districtCode: app.districtCode, data: { applicationId: app.id, kind: doc.kind } },
      tx,
    );
    return doc.storageKey;
  });
  await deleteObject(storageKey).catch(() => {});
}

export interface DocumentDownload {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * A document of an application for someone who may read that application, or NOT_FOUND (the same
 * answer for "no such document" and "not yours", so ids cannot be probed). Officers never see
 * drafts. Staff downloads are written to the audit log.
 */
export async function openApplicationDocument(actor: Actor, documentId: string): Promise<DocumentDownload> {
  if (typeof documentId !== "string" || documentId.length > 64) throw new AppError("NOT_FOUND");
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      storageKey: true,
      sha256: true,
      application: { select: { id: true, status: true, applicantUserId: true, districtCode: true } },
    },
  });
  const app = doc?.application;
  if (!doc || !app) throw new AppError("NOT_FOUND");
  const isOwner = app.applicantUserId !== null && app.applicantUserId === actor.id;
  const allowed = can(actor, "application:read", { ownerId: app.applicantUserId, districtCode: app.districtCode }) && (isOwner || app.status !== "DRAFT");
  if (!allowed) throw new AppError("NOT_FOUND");
  const bytes = await readObject(doc.storageKey).catch(() => {
    throw new AppError("NOT_FOUND", { messageKey: "applications.documents.errors.missingFile" });
  });
  if (!isOwner) {
    await writeAudit({
      actorId: actor.id,
      actorRole: actor.role,
      action: "document.downloaded",
      entityType: "Document",
      entityId: doc.id,
      districtCode: app.districtCode,
      data: { applicationId: app.id },
    });
  }
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes };
}
