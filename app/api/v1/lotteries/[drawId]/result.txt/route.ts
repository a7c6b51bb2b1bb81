import { getPublicDraw, resultText } from "@/lib/allocation/lottery";
import { notFound, textFile, unavailable } from "@/lib/allocation/public-responses";

// GET /api/v1/lotteries/{drawId}/result.txt: 404 until the draw, then the result as written at it
// (shared/docs/lottery-publication.md).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ drawId: string }> }): Promise<Response> {
  const { drawId } = await context.params;
  try {
    const text = await resultText(drawId);
    if (text !== null) return textFile(text);
    // Say which: an unknown draw, or one not drawn (yet, or ever).
    const draw = await getPublicDraw(drawId);
    if (!draw) return notFound();
    return notFound(draw.status === "CANCELLED" ? "本次抽签已取消，不会摇号，没有中签结果。" : "本次抽签尚未摇号，暂无中签结果。");
  } catch (error) {
    return unavailable("/[drawId]/result.txt", error);
  }
}
