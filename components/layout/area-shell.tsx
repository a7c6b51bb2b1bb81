import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { HeaderSession } from "./header-session";
import { MainNav } from "./main-nav";
import { SiteHeader } from "./site-header";

/**
 * The header and the main landmark of the signed-in areas, whose layouts know the user: the
 * navigation for the role and who is signed in, rendered on the server (a plain form signs out).
 */
export async function AreaShell({ session, children }: { session: HeaderSession; children: ReactNode }) {
  const t = await getTranslations("common");
  const nav = await getTranslations("nav");
  const roles = await getTranslations("roles");
  return (
    <>
      <SiteHeader
        nav={
          <>
            <MainNav items={session.nav.map((item) => ({ href: item.href, label: nav(item.key) }))} label={nav("label")} menuLabel={nav("menu")} />
            <div className="ml-auto flex min-w-0 items-center gap-1 py-1">
              <span className="max-w-[12rem] truncate text-sm text-slate-700">{t("signedInAs", { name: session.name, role: roles(session.role) })}</span>
              <Link href="/password" className={buttonClasses("ghost", "whitespace-nowrap px-3")}>
                {t("changePassword")}
              </Link>
              <form method="post" action="/api/session/sign-out">
                <button type="submit" className={buttonClasses("ghost", "whitespace-nowrap px-3")}>
                  {t("signOut")}
                </button>
              </form>
            </div>
          </>
        }
      />
      <main id="main" tabIndex={-1} className="flex-1">
        {children}
      </main>
    </>
  );
}
