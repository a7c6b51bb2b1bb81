import "server-only";
import { MAX_DOCUMENT_BYTES } from "@/lib/applications/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, jsonResponse } from "@/lib/http/error-response";
import { readFormWithLimit } from "@/lib/http/read-body";
import { uploadAppealDocument } from "@/lib/appeals/evidence";
import { openRepairPhoto, uploadRepairPhoto } from "@/lib/repairs/photos";
import { openViolationEvidence, uploadViolationEvidence } from "@/lib/tenancy/violation-evidence";
import { openApplicationDocument, uploadApplicationDocument } from "./service";

// HTTP for documents: upload (multipart) and download with the access check of the service.

const MULTIPART_OVERHEAD = 64 * 1024;

/** Same-origin only: a form on another site must not post files into someone's application. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function uploadDocumentFromRequest(request: Request): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN");
    // Never more than the largest document and its multipart framing is read, declared or not.
    const read = await readFormWithLimit(request, MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD);
    if (!read.ok && read.reason === "too-large") throw new AppError("VALIDATION", { messageKey: "applications.documents.errors.tooLarge", status: 413 });
    if (!read.ok) throw new AppError("VALIDATION", { messageKey: "applications.documents.errors.noFile", status: 400 });
    const form = read.form;
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("VALIDATION", { messageKey: "applications.documents.errors.noFile", status: 400 });
    if (file.size > MAX_DOCUMENT_BYTES) throw new AppError("VALIDATION", { messageKey: "applications.documents.errors.tooLarge", status: 413 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An appeal's documents (Art. 19), a repair's photos (Art. 35), a violation's evidence (Art. 31), or the application's in progress (Art. 16).
    const purpose = form.get("purpose");
    const doc =
      purpose === "appeal"
        ? await uploadAppealDocument(user, { applicationNo: form.get("applicationNo"), kind: form.get("kind"), fileName: file.name, bytes })
        : purpose === "repair"
          ? await uploadRepairPhoto(user, { fileName: file.name, bytes })
          : purpose === "violation"
            ? await uploadViolationEvidence(user, { violationId: form.get("violationId"), fileName: file.name, bytes })
            : await uploadApplicationDocument(user, { kind: form.get("kind"), fileName: file.name, bytes });
    return jsonResponse(201, { document: { id: doc.id, kind: doc.kind, fileName: doc.fileName, sizeBytes: doc.sizeBytes } });
  } catch (error) {
    return errorResponse(error, "documents");
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function downloadDocumentResponse(_request: Request, id: string): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const doc = (await openRepairPhoto(user, id)) ?? (await openViolationEvidence(user, id)) ?? (await openApplicationDocument(user, id));
    return new Response(new Uint8Array(doc.bytes), {
      status: 200,
      headers: {
        "content-type": doc.mimeType,
        "content-length": String(doc.bytes.byteLength),
        "content-disposition": contentDisposition(doc.fileName),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "documents");
  }
}
