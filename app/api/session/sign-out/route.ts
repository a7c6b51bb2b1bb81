import { signOutCurrentUser } from "@/lib/auth/sign-out";

// POST /api/session/sign-out: the header's "sign out" (a plain form, so that the header of the
// cached public pages needs no server action runtime in the browser). Then to the home page.
export async function POST(request: Request): Promise<Response> {
  // Only the portal's own pages sign a visitor out.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return new Response(null, { status: 403 });
  await signOutCurrentUser();
  return new Response(null, { status: 303, headers: { Location: "/", "Cache-Control": "no-store" } });
}
