import { reviewSearchRedirect } from "@/lib/review/search-http";

// POST /api/staff/review-search: the review queue's filter form. A whole resident ID is sealed
// into a token for this officer before it reaches an address (lib/search/resident-search-token.ts);
// everything else goes on as the queue's query string. Then 303 to the queue.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return reviewSearchRedirect(request);
}
