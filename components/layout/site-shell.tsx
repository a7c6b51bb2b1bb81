import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { HeaderNav } from "./header-nav";
import { SiteHeader } from "./site-header";

/**
 * The header and the main landmark of the public pages (the footer is the root layout's): the
 * header's second row asks who is signed in from the browser, so the pages can be cached.
 */
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <ClientMessages base={false} namespaces={["nav", "roles", "common.signedInAs", "common.signOut", "common.signIn", "common.register"]}>
            <HeaderNav />
          </ClientMessages>
        }
      />
      <main id="main" tabIndex={-1} className="flex-1">
        {children}
      </main>
    </>
  );
}
