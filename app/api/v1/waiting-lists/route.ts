import { publicJson, unavailable } from "@/lib/allocation/public-responses";
import { listWaitingLists } from "@/lib/allocation/waiting-list";

// GET /api/v1/waiting-lists: every estate's ordered waiting list (轮候) by unit type with households
// waiting, and how many (Art. 23; shared/docs/lottery-publication.md).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return publicJson({ lists: await listWaitingLists() });
  } catch (error) {
    return unavailable("/waiting-lists", error, "暂时无法提供轮候信息，请稍后再试。");
  }
}
