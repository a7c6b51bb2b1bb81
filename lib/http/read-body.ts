// Reading request bodies without trusting the client about their size: a declared
// Content-Length over the limit is refused at once, and a body without one (chunked) is read only
// up to the limit, then the stream is cancelled. Nothing ever buffers more than the limit.

/** Reads at most `limit` bytes of the body; null when it is larger (or the stream fails). */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    request.body?.cancel().catch(() => {});
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Not awaited: cancelling one branch of a cloned (teed) body settles only once the other
        // branch is cancelled too, and the caller is about to refuse the request anyway.
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export type LimitedForm = { ok: true; form: FormData } | { ok: false; reason: "too-large" | "malformed" };

/** A multipart (or urlencoded) form of at most `limit` bytes, parsed from what was read. */
export async function readFormWithLimit(request: Request, limit: number): Promise<LimitedForm> {
  const bytes = await readBodyWithLimit(request, limit);
  if (bytes === null) return { ok: false, reason: "too-large" };
  try {
    const form = await new Response(bytes as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}
