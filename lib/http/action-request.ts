import { readBodyWithLimit } from "./read-body";

// A server action is a POST with a Next-Action header whose body Next decodes itself, and any
// decoding failure there becomes a 500. What a client sends must never be a 500: proxy.ts asks
// this module first and answers a malformed, oversized or cross-site action request with a 4xx.

/** The largest server action body (next.config.ts serverActions.bodySizeLimit says the same). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRequestProblem = { status: 400 | 403 | 413; reason: string };

export function isActionRequest(request: Request): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

/** Same origin only, as Next requires (compared with the forwarded host when behind a proxy). */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Null when Next can decode the request; otherwise why not. The body is read from a clone, at most
 * up to the limit: a form must parse as one, and a reply encoded as text must be a JSON array of
 * arguments (Next applies the action to it).
 */
export async function actionRequestProblem(request: Request): Promise<ActionRequestProblem | null> {
  if (isCrossSite(request)) return { status: 403, reason: "cross-site" };
  const bytes = await readBodyWithLimit(request.clone(), ACTION_BODY_LIMIT_BYTES);
  if (bytes === null) return { status: 413, reason: "too-large" };
  // The boundary is case-sensitive: compare the type in lower case, parse with the header as sent.
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    try {
      await new Response(bytes as BodyInit, { headers: { "content-type": contentType } }).formData();
      return null;
    } catch {
      return { status: 400, reason: "malformed-form" };
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { status: 400, reason: "malformed-reply" };
  }
  return Array.isArray(value) ? null : { status: 400, reason: "malformed-reply" };
}
