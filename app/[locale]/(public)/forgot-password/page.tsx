import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DevOutboxHint } from "@/components/auth/dev-outbox-hint";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { landingPathFor } from "@/lib/auth/landing";
import { getCurrentUser } from "@/lib/auth/session";

// Per request: a signed-in visitor is sent on.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const user = await getCurrentUser();
  if (user) redirect(landingPathFor(user));

  const t = await getTranslations("auth.reset");
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <DevOutboxHint />
      <Card>
        <ClientMessages namespaces={["auth.reset"]}><ResetPasswordForm /></ClientMessages>
      </Card>
      <p className="mt-6 text-center text-base text-slate-700">
        <Link href="/login" className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {t("backToLogin")}
        </Link>
      </p>
    </Container>
  );
}
