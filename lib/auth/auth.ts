import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticate } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { signInSchema } from "./schemas";

// The codes travel from authorize() to the sign-in action inside CredentialsSignin.
export class LoginLockedError extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super();
    this.code = `locked:${retryAfterMinutes}`;
  }
}
export class LoginInactiveError extends CredentialsSignin {
  code = "inactive";
}

/**
 * Auth.js for the portal. Import `signIn` / `signOut` only from lib/auth/actions.ts and `auth` only
 * from lib/auth/session.ts (getCurrentUser) — those are the identity choke points. No
 * /api/auth route is mounted: sign-in and sign-out run as server actions.
 */
export const { auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { account: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate({
          account: parsed.data.account,
          password: parsed.data.password,
          ip: clientIpFrom(request.headers),
        });
        if (result.ok) {
          const user: { id: string; sessionVersion: number } = { id: result.user.id, sessionVersion: result.user.sessionVersion };
          return user;
        }
        if (result.reason === "locked") throw new LoginLockedError(result.retryAfterMinutes);
        if (result.reason === "inactive") throw new LoginInactiveError();
        return null;
      },
    }),
  ],
});
