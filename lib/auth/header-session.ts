import "server-only";
import type { HeaderSession } from "@/components/layout/header-session";
import { navItemsFor } from "@/components/layout/nav-items";
import { landingPathFor } from "./landing";
import { can } from "./permissions";
import type { CurrentUser } from "./session";

/** The header's summary of a signed-in user: name, role, the navigation and landing the permission table gives. */
export function headerSessionFor(user: CurrentUser): HeaderSession {
  return {
    name: user.name,
    role: user.role,
    nav: navItemsFor(user),
    landing: landingPathFor(user),
    isApplicant: can(user, "applicantArea:enter"),
  };
}
