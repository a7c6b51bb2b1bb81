import "server-only";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { now as clockNow } from "@/lib/clock";
import { isValidResidentId } from "@/lib/rules/identity";
import { sealResidentSearch } from "@/lib/search/resident-search-token";
import { QUEUE_STAGES } from "./schemas";

/** The queue's form fields; malformed ones are dropped, as the queue's own parameters are. */
const formSchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  stage: z.enum(QUEUE_STAGES).optional().catch(undefined),
  level: z.enum(["MUNICIPAL", "DISTRICT"]).optional().catch(undefined),
  priority: z.enum(["yes", "no"]).optional().catch(undefined),
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
});

const QUEUE = "/staff/review";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/** The review queue's filters posted: to the queue's address, a resident ID sealed as `idq`. */
export async function reviewSearchRedirect(request: Request): Promise<Response> {
  // Only the portal's own pages post here (a cross-site form gets nothing, not even a redirect).
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return new Response(null, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return seeOther(`/login?${new URLSearchParams({ next: QUEUE })}`);
  if (!can(user, "review:read")) return new Response(null, { status: 403 });

  let fields: Record<string, string> = {};
  try {
    const form = await request.formData();
    fields = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  } catch {
    // Not a form: the queue unfiltered.
  }
  const parsed = formSchema.parse(fields);
  const params = new URLSearchParams();
  if (parsed.q) {
    if (isValidResidentId(parsed.q)) params.set("idq", sealResidentSearch(user.id, parsed.q, clockNow()));
    else params.set("q", parsed.q);
  }
  for (const key of ["stage", "level", "priority", "district", "overdue"] as const) {
    const value = parsed[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return seeOther(query ? `${QUEUE}?${query}` : QUEUE);
}
