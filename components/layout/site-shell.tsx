import type { ReactNode } from "react";
import type { HeaderSession } from "./header-session";
import { SiteHeader } from "./site-header";

/** The header and the main landmark of every page (the footer is the root layout's). */
export function SiteShell({ session, children }: { session?: HeaderSession | null; children: ReactNode }) {
  return (
    <>
      <SiteHeader session={session} />
      <main id="main" tabIndex={-1} className="flex-1">
        {children}
      </main>
    </>
  );
}
