import type { Role } from "@/lib/generated/prisma/enums";

/** Where each role lands after signing in. */
export function landingPathFor(role: Role): string {
  switch (role) {
    case "APPLICANT":
      return "/me";
    case "DISTRICT_OFFICER":
    case "MUNICIPAL_OFFICER":
      return "/staff";
    case "ADMIN":
      return "/staff/admin";
  }
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}

/**
 * The `next` path to return to after signing in, if it is a same-site path inside the role's own
 * area; otherwise null (use the landing page). Guards against open redirects ("//evil", "/\\evil",
 * "https://...") and against sending an applicant to a staff page they would be refused.
 */
export function safeNextPath(next: unknown, role: Role): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  // Control characters (tab, newline) are stripped by URL parsers and could rebuild "//".
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, "http://anju.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://anju.invalid") return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  const allowed =
    role === "APPLICANT"
      ? isUnder(url.pathname, "/me")
      : role === "ADMIN"
        ? isUnder(url.pathname, "/staff")
        : isUnder(url.pathname, "/staff") && !isUnder(url.pathname, "/staff/admin");
  return allowed ? path : null;
}
