// Answers of the public lottery and waiting-list routes, app/api/v1/lotteries and
// app/api/v1/waiting-lists (shared/docs/lottery-publication.md):
// JSON errors in Chinese, and the files as exact UTF-8 text. Never a 500 for a bad address.

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

/** A public JSON answer, cached briefly: a draw's status changes at the draw. */
export function publicJson(body: unknown): Response {
  return Response.json(body, { headers: { ...JSON_HEADERS, "cache-control": "public, max-age=10" } });
}

export function notFound(error = "未找到该抽签。"): Response {
  return Response.json({ error }, { status: 404, headers: { ...JSON_HEADERS, "cache-control": "no-store" } });
}

/** The database could not be read: a temporary failure, not the visitor's fault. */
export function unavailable(route: string, error: unknown, message = "暂时无法提供摇号信息，请稍后再试。"): Response {
  // The error's name only: never its message, which could quote data.
  console.error(`[${route.startsWith("/waiting-lists") ? "" : "lotteries"}${route}] ${error instanceof Error ? error.name : typeof error}`);
  return Response.json({ error: message }, { status: 503, headers: { ...JSON_HEADERS, "cache-control": "no-store" } });
}

/** A public file: its bytes exactly as stored; a draw's never change once published, a ranking's change as households are housed. */
export function textFile(text: string, maxAgeSeconds = 3600): Response {
  return new Response(text, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": `public, max-age=${maxAgeSeconds}`, "x-content-type-options": "nosniff" },
  });
}
