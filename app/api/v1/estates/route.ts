import { listPublicEstates } from "@/lib/applications/estates";

// GET /api/v1/estates: public, unsigned (shared/docs/intake-api.md).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const estates = await listPublicEstates();
    return Response.json(
      estates.map(({ code, name, level, districtCode, unitTypes }) => ({ code, name, level, districtCode, unitTypes })),
      { headers: { "cache-control": "public, max-age=60" } },
    );
  } catch (error) {
    console.error(`[estates] ${error instanceof Error ? error.name : typeof error}`);
    return Response.json({ error: "暂时无法提供小区列表，请稍后再试。" }, { status: 503 });
  }
}
