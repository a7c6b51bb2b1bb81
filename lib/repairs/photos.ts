import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { checkUploadedFile, type DocumentDownload } from "@/lib/documents/service";
import { deleteObject, readObject, storeObject } from "@/lib/documents/storage";
import { AppError } from "@/lib/errors";
import { MAX_REPAIR_PHOTOS } from "./schemas";
import { pendingPhotosWhere, repairableLeaseOf } from "./repairs";

// Photos of what needs repairing (Art. 35): uploaded through /api/documents like an application's
// documents (type by magic bytes, 10 MB, SHA-256), kept with the tenant's lease until the request
// is filed, then attached to it. Read by the tenant and the officers of the home's district.

function photoError(key: string, status = 422, values?: Record<string, number>): AppError {
  return new AppError("VALIDATION", { messageKey: `repairs.errors.${key}`, status, values });
}

/** Adds a photo to the request the tenant is writing: JPEG or PNG, at most MAX_REPAIR_PHOTOS. */
export async function uploadRepairPhoto(actor: Actor, input: { fileName: string; bytes: Uint8Array }): Promise<{ id: string; kind: "REPAIR_PHOTO"; fileName: string; sizeBytes: number }> {
  assertCan(actor, "repair:request");
  const { type, fileName } = checkUploadedFile(input);
  if (type === "application/pdf") throw photoError("photoType", 415);
  const lease = await repairableLeaseOf(actor);
  if (!lease) throw new AppError("CONFLICT", { messageKey: "repairs.errors.noLease" });
  const stored = await storeObject(input.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      // The same lock as filing: the limit holds under parallel uploads.
      await tx.$queryRaw`SELECT "id" FROM "Lease" WHERE "id" = ${lease.id} FOR UPDATE`;
      if ((await tx.document.count({ where: pendingPhotosWhere(actor.id, lease.id) })) >= MAX_REPAIR_PHOTOS) throw photoError("tooManyPhotos", 422, { max: MAX_REPAIR_PHOTOS });
      const doc = await tx.document.create({
        data: { kind: "REPAIR_PHOTO", fileName, mimeType: type, sizeBytes: input.bytes.byteLength, sha256: stored.sha256, storageKey: stored.storageKey, uploadedById: actor.id, leaseId: lease.id },
        select: { id: true, fileName: true, sizeBytes: true },
      });
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "repair.photo_uploaded", entityType: "Document", entityId: doc.id, districtCode: lease.unit.estate.districtCode, data: { leaseId: lease.id, sizeBytes: doc.sizeBytes, sha256: stored.sha256, mimeType: type } },
        tx,
      );
      return { ...doc, kind: "REPAIR_PHOTO" as const };
    });
  } catch (error) {
    await deleteObject(stored.storageKey).catch(() => {});
    throw error;
  }
}

/** Removes a photo from the request being written (filed requests keep theirs). */
export async function removePendingRepairPhoto(actor: Actor, documentId: string): Promise<void> {
  assertCan(actor, "repair:request");
  const doc = await prisma.document.findUnique({ where: { id: documentId }, select: { id: true, kind: true, uploadedById: true, repairRequestId: true, storageKey: true } });
  if (!doc || doc.kind !== "REPAIR_PHOTO" || doc.uploadedById !== actor.id || doc.repairRequestId) throw new AppError("NOT_FOUND");
  const gone = await prisma.document.deleteMany({ where: { id: doc.id, repairRequestId: null, uploadedById: actor.id } });
  if (gone.count !== 1) throw new AppError("NOT_FOUND");
  await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "repair.photo_removed", entityType: "Document", entityId: doc.id });
  await deleteObject(doc.storageKey).catch(() => {});
}

/**
 * A repair photo for its uploader, the tenant of the request's lease or an officer of the home's
 * district; null when the document is not a repair photo (the caller tries the application's);
 * NOT_FOUND when it is one the actor may not read.
 */
export async function openRepairPhoto(actor: Actor, documentId: string): Promise<DocumentDownload | null> {
  if (typeof documentId !== "string" || documentId.length > 64) return null;
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true, kind: true, fileName: true, mimeType: true, storageKey: true, uploadedById: true, repairRequestId: true,
      lease: { select: { tenantUserId: true, unit: { select: { estate: { select: { districtCode: true } } } } } },
    },
  });
  if (!doc || doc.kind !== "REPAIR_PHOTO" || !doc.lease) return null;
  const districtCode = doc.lease.unit.estate.districtCode;
  const isTenant = doc.uploadedById === actor.id || can(actor, "repair:request", { ownerId: doc.lease.tenantUserId });
  const isOfficer = Boolean(doc.repairRequestId) && can(actor, "repair:manage", { districtCode });
  if (!isTenant && !isOfficer) throw new AppError("NOT_FOUND");
  const bytes = await readObject(doc.storageKey).catch(() => {
    throw new AppError("NOT_FOUND", { messageKey: "applications.documents.errors.missingFile" });
  });
  if (!isTenant) {
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "document.downloaded", entityType: "Document", entityId: doc.id, districtCode, data: { repairRequestId: doc.repairRequestId } });
  }
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes };
}
