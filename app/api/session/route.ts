import { headerSessionFor } from "@/lib/auth/header-session";
import { getCurrentUser } from "@/lib/auth/session";

// GET /api/session: who is signed in, for the header of the pages served from the cache
// (components/layout/header-nav.tsx asks once per page load). Name, role, navigation, landing
// page; nothing else of the account. Never stored by any cache.
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  return Response.json(
    { session: user ? headerSessionFor(user) : null },
    { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } },
  );
}
