import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { actionRequestProblem, isActionRequest } from "@/lib/http/action-request";

// Two jobs, neither of them authorization:
// 1. A server action request Next could not decode (malformed, oversized, cross-site) is answered
//    here with a 4xx, before Next turns the decoding failure into a 500.
// 2. A visitor without a valid session cookie who asks for a signed-in area is sent to
//    /login?next=... . Roles, districts and ownership are checked on the server by every layout,
//    page and action (lib/auth/session.ts, lib/auth/permissions.ts), never here.
const { auth } = NextAuth(authConfig);

const redirectSignedOut = auth((request) => {
  if (request.auth?.user?.id) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

const SIGNED_IN_AREAS = /^\/(me|staff)(\/|$)/;

export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  if (isActionRequest(request)) {
    const problem = await actionRequestProblem(request);
    if (problem) {
      return new NextResponse(JSON.stringify({ error: problem.reason }), {
        status: problem.status,
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      });
    }
  }
  if (SIGNED_IN_AREAS.test(request.nextUrl.pathname)) return (await redirectSignedOut(request, event as never)) as Response;
  return NextResponse.next();
}

export const config = {
  // Every page (actions post to pages); not Next's own assets, the API routes or static files.
  matcher: ["/((?!_next/|api/|favicon\\.ico|icon\\.svg).*)"],
};
