import { readBodyWithLimit } from "@/lib/http/read-body";
import { handlePaymentCallback } from "@/lib/tenancy/payments";

// POST /api/v1/payments/{provider}/callback: a payment provider tells the portal what became of a
// payment (signed; see the OpenAPI document). Settled once by the provider's payment id: a replayed
// or reordered callback is answered 200 and changes nothing; a bad signature 401, an unknown
// payment 404, a body that does not match the order 400.
export const dynamic = "force-dynamic";

const MAX_CALLBACK_BYTES = 16 * 1024;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await params;
  if (!/^[a-z0-9-]{1,32}$/.test(provider)) return json(404, { error: "该支付渠道未启用", code: "UNKNOWN_PROVIDER" });
  const body = await readBodyWithLimit(request, MAX_CALLBACK_BYTES);
  if (!body) return json(413, { error: "回调内容过大", code: "TOO_LARGE" });
  const outcome = await handlePaymentCallback(provider, request.headers, body);
  return json(outcome.status, outcome.body);
}
