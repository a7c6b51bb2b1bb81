import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { landingPathFor, safeNextPath } from "@/lib/auth/landing";
import { getCurrentUser } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

// Per request: a signed-in visitor is sent on.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

/** Notices the login page shows after a redirect to it: `?notice=…` (and `?reset=1` after a password reset). */
const NOTICES = { passwordChanged: "noticePasswordChanged", activated: "noticeActivated" } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; notice?: string | string[]; reset?: string | string[] }> }) {
  const { next, notice, reset } = await searchParams;
  const noticeKey =
    reset === "1" ? "resetDone" : typeof notice === "string" && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null;
  const nextPath = typeof next === "string" ? next : undefined;
  const user = await getCurrentUser();
  if (user) redirect(safeNextPath(nextPath, user) ?? landingPathFor(user));

  const t = await getTranslations("auth.login");
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {noticeKey ? (
        <div className="mb-4">
          <Alert tone="success">{t(noticeKey)}</Alert>
        </div>
      ) : null}
      <Card>
        <ClientMessages namespaces={["auth.login"]}><LoginForm next={nextPath?.startsWith("/") ? nextPath : undefined} /></ClientMessages>
      </Card>
      <p className="mt-4 text-center text-base">
        <Link href="/forgot-password" className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="mt-2 text-center text-base text-slate-700">
        {t("noAccount")}{" "}
        <Link href="/register" className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {t("registerLink")}
        </Link>
      </p>
      <p className="mt-2 text-center text-base text-slate-700">
        <Link href="/activate" className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {t("activateLink")}
        </Link>
      </p>
    </Container>
  );
}
