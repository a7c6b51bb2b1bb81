import { can, type Actor, type Permission } from "./permissions";

/**
 * The areas of the portal, most specific first, each with the permission that enters it (the
 * permission table decides who may). A user lands in the first area they may enter.
 */
const AREAS: ReadonlyArray<{ prefix: string; permission: Permission }> = [
  { prefix: "/staff/admin", permission: "adminArea:enter" },
  { prefix: "/staff", permission: "staffArea:enter" },
  { prefix: "/me", permission: "applicantArea:enter" },
];

/** Where a user lands after signing in: the first area they may enter, or the home page. */
export function landingPathFor(user: Actor): string {
  return AREAS.find((area) => can(user, area.permission))?.prefix ?? "/";
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
}

/**
 * The `next` path to return to after signing in, if it is a same-site path inside an area the
 * user may enter (the most specific area holding the path decides); otherwise null (use the
 * landing page). Guards against open redirects ("//evil", "/\\evil", "https://...") and against
 * sending an applicant to a staff page they would be refused.
 */
export function safeNextPath(next: unknown, user: Actor): string | null {
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
  const area = AREAS.find((a) => isUnder(url.pathname, a.prefix));
  return area && can(user, area.permission) ? `${url.pathname}${url.search}${url.hash}` : null;
}
