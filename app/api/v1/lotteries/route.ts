import { listPublicDraws } from "@/lib/allocation/lottery";
import { publicJson, unavailable } from "@/lib/allocation/public-responses";

// GET /api/v1/lotteries: every draw, newest first (Art. 23; shared/docs/lottery-publication.md).
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return publicJson({ draws: await listPublicDraws() });
  } catch (error) {
    return unavailable("", error);
  }
}
