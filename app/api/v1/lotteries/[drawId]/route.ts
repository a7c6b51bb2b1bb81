import { getPublicDraw } from "@/lib/allocation/lottery";
import { notFound, publicJson, unavailable } from "@/lib/allocation/public-responses";

// GET /api/v1/lotteries/{drawId}: one draw, or 404 (shared/docs/lottery-publication.md).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ drawId: string }> }): Promise<Response> {
  const { drawId } = await context.params;
  try {
    const draw = await getPublicDraw(drawId);
    if (!draw) return notFound();
    return publicJson(draw);
  } catch (error) {
    return unavailable("/[drawId]", error);
  }
}
