import "server-only";
import { randomBytes } from "node:crypto";
import { MAX_DOCUMENT_BYTES } from "@/lib/applications/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { readFormWithLimit } from "@/lib/http/read-body";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { uploadAppealDocument } from "@/lib/appeals/evidence";
import { openRepairPhoto, uploadRepairPhoto } from "@/lib/repairs/photos";
import { openViolationEvidence, uploadViolationEvidence } from "@/lib/tenancy/violation-evidence";
import { openApplicationDocument, uploadApplicationDocument } from "./service";

// HTTP for documents: upload (multipart) and download with the access check of the service.

const MULTIPART_OVERHEAD = 64 * 1024;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

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

async function errorJson(error: unknown): Promise<Response> {
  const t = await getServerTranslator();
  if (isAppError(error)) return json(error.status, { error: t(error.messageKey, error.values) });
  const ref = randomBytes(4).toString("hex");
  console.error(`[documents] unexpected error ref=${ref}: ${error instanceof Error ? error.name : typeof error}`);
  return json(500, { error: t("errors.genericWithRef", { ref }) });
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
    return json(201, { document: { id: doc.id, kind: doc.kind, fileName: doc.fileName, sizeBytes: doc.sizeBytes } });
  } catch (error) {
    return errorJson(error);
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
    return errorJson(error);
  }
}
