import { isRevalidationToken, pageCounts, revalidatePublicity } from "@/lib/publicity/public-cache";

// POST /api/internal/revalidate: the server's own request, from a scheduled job that changed what
// the public publicity pages show (lib/publicity/public-cache.ts). Only this process knows the
// secret; the paths are computed here from batch ids, never taken from the body.
export async function POST(request: Request): Promise<Response> {
  if (!isRevalidationToken(request.headers.get("x-anju-revalidation"))) return new Response(null, { status: 404 });
  const body = (await request.json().catch(() => null)) as { lists?: unknown; batchIds?: unknown } | null;
  const batchIds = Array.isArray(body?.batchIds) ? body.batchIds.filter((id): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id)).slice(0, 1000) : [];
  revalidatePublicity({ lists: body?.lists === true, batchIds }, await pageCounts(batchIds));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
