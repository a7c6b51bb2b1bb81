import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { checkUploadedFile, type DocumentDownload } from "@/lib/documents/service";
import { deleteObject, readObject, storeObject } from "@/lib/documents/storage";
import { AppError } from "@/lib/errors";
import { assertManagesTenancyIn } from "./reach";
import { MAX_EVIDENCE_FILES } from "./violation-evidence-limit";

// Files of the evidence of a violation of Art. 31 (photos, statements, records), beside its written
// description: uploaded through /api/documents (PDF, JPEG or PNG by content, 10 MB, SHA-256) by an
// officer of the lease's district, attached to the violation, and read by those officers only — never
// the household (the evidence may name who reported it). Kept for the record: evidence is not removed.

export { MAX_EVIDENCE_FILES };

function evidenceError(key: string, values?: Record<string, number>): AppError {
  return new AppError("VALIDATION", { messageKey: `leaving.errors.${key}`, status: 422, values });
}

export async function uploadViolationEvidence(actor: Actor, input: { violationId: unknown; fileName: string; bytes: Uint8Array }): Promise<{ id: string; kind: "VIOLATION_EVIDENCE"; fileName: string; sizeBytes: number }> {
  if (typeof input.violationId !== "string" || input.violationId.length === 0 || input.violationId.length > 64) throw new AppError("NOT_FOUND");
  const violation = await prisma.violation.findUnique({
    where: { id: input.violationId },
    select: { id: true, violationNo: true, lease: { select: { unit: { select: { estate: { select: { districtCode: true } } } } } } },
  });
  const districtCode = violation?.lease?.unit.estate.districtCode;
  assertManagesTenancyIn(actor, districtCode);
  const { type, fileName } = checkUploadedFile(input);
  const stored = await storeObject(input.bytes);
  try {
    return await prisma.$transaction(async (tx) => {
      // The violation's row locked: the limit holds under parallel uploads.
      await tx.$queryRaw`SELECT "id" FROM "Violation" WHERE "id" = ${violation!.id} FOR UPDATE`;
      if ((await tx.document.count({ where: { violationId: violation!.id } })) >= MAX_EVIDENCE_FILES) throw evidenceError("tooManyEvidenceFiles", { max: MAX_EVIDENCE_FILES });
      const doc = await tx.document.create({
        data: { kind: "VIOLATION_EVIDENCE", fileName, mimeType: type, sizeBytes: input.bytes.byteLength, sha256: stored.sha256, storageKey: stored.storageKey, uploadedById: actor.id, violationId: violation!.id },
        select: { id: true, fileName: true, sizeBytes: true },
      });
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "violation.evidence_uploaded", entityType: "Document", entityId: doc.id, districtCode, data: { violationNo: violation!.violationNo, sizeBytes: doc.sizeBytes, sha256: stored.sha256, mimeType: type } },
        tx,
      );
      return { ...doc, kind: "VIOLATION_EVIDENCE" as const };
    });
  } catch (error) {
    await deleteObject(stored.storageKey).catch(() => {});
    throw error;
  }
}

/**
 * A file of a violation's evidence for an officer who may read the lease's district; null when the
 * document is not evidence (the caller tries the others); NOT_FOUND for anyone else, the household too.
 */
export async function openViolationEvidence(actor: Actor, documentId: string): Promise<DocumentDownload | null> {
  if (typeof documentId !== "string" || documentId.length > 64) return null;
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: { id: true, kind: true, fileName: true, mimeType: true, storageKey: true, violation: { select: { violationNo: true, lease: { select: { unit: { select: { estate: { select: { districtCode: true } } } } } } } } },
  });
  if (!doc || doc.kind !== "VIOLATION_EVIDENCE") return null;
  const districtCode = doc.violation?.lease?.unit.estate.districtCode;
  if (!districtCode || !can(actor, "lease:manage", { districtCode })) throw new AppError("NOT_FOUND");
  const bytes = await readObject(doc.storageKey).catch(() => {
    throw new AppError("NOT_FOUND", { messageKey: "applications.documents.errors.missingFile" });
  });
  await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "document.downloaded", entityType: "Document", entityId: doc.id, districtCode, data: { violationNo: doc.violation?.violationNo ?? null } });
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes };
}
