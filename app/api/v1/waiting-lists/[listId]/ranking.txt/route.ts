import { notFound, textFile, unavailable } from "@/lib/allocation/public-responses";
import { rankingText } from "@/lib/allocation/waiting-list";

// GET /api/v1/waiting-lists/{listId}/ranking.txt: the current order of one list, one line per
// waiting household, `position,applicationNo,acceptedYear,priority` (shared/docs/lottery-publication.md).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ listId: string }> }): Promise<Response> {
  const { listId } = await context.params;
  try {
    const text = await rankingText(listId);
    return text === null ? notFound("未找到该轮候名单。") : textFile(text, 60);
  } catch (error) {
    return unavailable("/waiting-lists/[listId]/ranking.txt", error, "暂时无法提供轮候信息，请稍后再试。");
  }
}
