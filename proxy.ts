import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/config";
import { authConfig } from "@/lib/auth/auth.config";
import { actionRequestProblem, isActionRequest } from "@/lib/http/action-request";
import { CSP_HEADER, newNonce, NONCE_HEADER, pagePolicy } from "@/lib/http/csp";
import { internalRoute, LOCALE_HEADER, localizedPath, VISIBLE_PATH_HEADER } from "@/lib/http/public-routes";

// Four jobs, none of them authorization:
// 1. A server action request Next could not decode (malformed, oversized, cross-site) is answered
//    here with a 4xx, before Next turns the decoding failure into a 500.
// 2. A visitor without a valid session cookie who asks for a signed-in area is sent to
//    /login?next=... . Roles, districts and ownership are checked on the server by every layout,
//    page and action (lib/auth/session.ts, lib/auth/permissions.ts), never here.
// 3. Every page is rewritten to its language's route, /zh-CN/... or /en/... after the locale
//    cookie (the visitor's address stays /publicity), and a public page's query to path segments
//    (lib/http/public-routes.ts), so that the public pages can be served from Next's cache
//    (docs/decisions/013-public-pages-cache.md). The language comes to the server components as a
//    route parameter and to actions and dynamic pages as a request header.
// 4. Every page gets a Content-Security-Policy with a nonce made for this request, in the request
//    (Next reads it there and puts it on its scripts) and in the response (lib/http/csp.ts; a page
//    served from Next's cache has its nonce replaced by hashes in scripts/server.mjs).
const { auth } = NextAuth(authConfig);

const isDev = process.env.NODE_ENV !== "production";

/** This request's policy, set on the request (for Next's renderer) and the response. */
function withPolicy(response: NextResponse, policy: string): NextResponse {
  response.headers.set(CSP_HEADER, policy);
  return response;
}

function rewrite(request: NextRequest): NextResponse {
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const { pathname, search } = internalRoute(request.nextUrl.pathname, request.nextUrl.searchParams);
  // A clone of the request's own URL, so that Next takes it as an internal rewrite (not a proxy).
  const target = request.nextUrl.clone();
  target.pathname = localizedPath(locale, pathname);
  target.search = search;
  const headers = new Headers(request.headers);
  headers.set(LOCALE_HEADER, locale);
  headers.set(VISIBLE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const nonce = newNonce();
  const policy = pagePolicy(nonce, { dev: isDev });
  headers.set(CSP_HEADER, policy);
  headers.set(NONCE_HEADER, nonce);
  // Next's cache keys the page by the rewritten path (/zh-CN/... or /en/...). The visitor's address
  // answers in the language of their cookie, and Next's page handler sets `Vary` itself (without
  // Cookie): a shared cache in front must key pages on the locale cookie (decision 013).
  return withPolicy(NextResponse.rewrite(target, { request: { headers } }), policy);
}

const redirectSignedOut = auth((request) => {
  if (request.auth?.user?.id) return rewrite(request);
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("next", `${pathname}${search}`);
  return withPolicy(NextResponse.redirect(login), pagePolicy(newNonce(), { dev: isDev }));
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
  return rewrite(request);
}

export const config = {
  // Every page (actions post to pages); not Next's own assets, the API routes or static files.
  matcher: ["/((?!_next/|api/|favicon\\.ico|icon\\.svg).*)"],
};
