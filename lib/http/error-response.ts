import "server-only";
import { randomBytes } from "node:crypto";
import { isAppError } from "@/lib/errors";
import { getServerTranslator } from "@/lib/i18n/server-translator";

// The JSON answers of the portal's file routes (uploads, PDF and XLSX downloads): a body, or the
// error of a request that failed, in the reader's language.

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** An AppError's message with its status; anything else a 500 with a reference, logged by the error's name only under `logTag`. */
export async function errorResponse(error: unknown, logTag: string): Promise<Response> {
  const t = await getServerTranslator();
  if (isAppError(error)) return jsonResponse(error.status, { error: t(error.messageKey, error.values) });
  const ref = randomBytes(4).toString("hex");
  console.error(`[${logTag}] unexpected error ref=${ref}: ${error instanceof Error ? error.name : typeof error}`);
  return jsonResponse(500, { error: t("errors.genericWithRef", { ref }) });
}
