import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";

// Only redirects: a visitor without a valid session cookie who asks for a signed-in area is sent to
// /login?next=... . Roles, districts and ownership are checked on the server by every layout, page
// and action (lib/auth/session.ts, lib/auth/permissions.ts), never here.
const { auth } = NextAuth(authConfig);

export const proxy = auth((request) => {
  if (request.auth?.user?.id) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.nextUrl.origin);
  login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/me/:path*", "/staff/:path*"],
};
