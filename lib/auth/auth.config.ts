import type { NextAuthConfig } from "next-auth";

/** Sessions last one working day; after that everyone signs in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
    jwt({ token }) {
      // Keep only the user id in the cookie: name, role and district are re-read from the database
      // on every request (getCurrentUser), so a changed or deactivated account takes effect at once.
      delete token.name;
      delete token.email;
      delete token.picture;
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
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
