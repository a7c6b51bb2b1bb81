import type { NextAuthConfig } from "next-auth";

/**
 * How long a session lasts from its sign-in, whatever is done in it (decision 031): an applicant's a
 * day; staff, who see many households' records, half a working day. The cookie lives as long as the
 * longer; the session accessor (lib/auth/session.ts) ends a staff session at its own limit.
 */
export const APPLICANT_SESSION_SECONDS = 24 * 60 * 60;
export const STAFF_SESSION_SECONDS = 4 * 60 * 60;
export const SESSION_MAX_AGE_SECONDS = Math.max(APPLICANT_SESSION_SECONDS, STAFF_SESSION_SECONDS);

/** What a session cookie holds besides the user id: the account's session version and when it signed in. */
export interface SessionClaims {
  id: string;
  sessionVersion: number;
  /** Seconds since the epoch. */
  signedInAt: number;
}

/**
 * The part of the Auth.js configuration that needs no database: shared by the full configuration
 * (lib/auth/auth.ts) and by proxy.ts, which only checks that a session cookie is valid.
 * AUTH_SECRET and AUTH_TRUST_HOST are read from the environment by Auth.js itself.
 */
export const authConfig = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Keep only the user id, the session version and the sign-in time in the cookie: name, role
      // and district are re-read from the database on every request (getCurrentUser), so a changed
      // or deactivated account takes effect at once, and a raised version ends the session.
      if (user) {
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      delete token.name;
      delete token.email;
      delete token.picture;
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub, sv: token.sv, signedInAt: token.signedInAt } } as unknown as typeof session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, audited elsewhere; do not fill the log with it.
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      const cause = (error as { cause?: { err?: Error } }).cause?.err;
      console.error(`[auth] ${type ?? error.name}${cause ? ` caused by ${cause.name}: ${cause.message}` : ""}`);
    },
    warn(code) {
      console.warn(`[auth] warning ${code}`);
    },
    debug() {},
  },
} satisfies NextAuthConfig;
