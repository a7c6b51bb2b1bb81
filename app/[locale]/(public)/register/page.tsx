import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { DevOutboxHint } from "@/components/auth/dev-outbox-hint";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { landingPathFor } from "@/lib/auth/landing";
import { getCurrentUser } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

// Per request: a signed-in visitor is sent on.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.register");
  return { title: t("title") };
}

export default async function RegisterPage() {
  const user = await getCurrentUser();
  if (user) redirect(landingPathFor(user));

  const t = await getTranslations("auth.register");
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <DevOutboxHint />
      <Card>
        <ClientMessages namespaces={["auth.register"]}><RegisterForm /></ClientMessages>
      </Card>
      <p className="mt-6 text-center text-base text-slate-700">
        {t("haveAccount")}{" "}
        <Link href="/login" className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          {t("loginLink")}
        </Link>
      </p>
    </Container>
  );
}
