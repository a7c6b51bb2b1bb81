import { entrantsText } from "@/lib/allocation/lottery";
import { notFound, textFile, unavailable } from "@/lib/allocation/public-responses";

// GET /api/v1/lotteries/{drawId}/entrants.txt: the pool as frozen, from committedAt on, never
// changed (shared/docs/lottery-publication.md). Its SHA-256 is the draw's entrantsSha256.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ drawId: string }> }): Promise<Response> {
  const { drawId } = await context.params;
  try {
    const text = await entrantsText(drawId);
    return text === null ? notFound() : textFile(text);
  } catch (error) {
    return unavailable("/[drawId]/entrants.txt", error);
  }
}
