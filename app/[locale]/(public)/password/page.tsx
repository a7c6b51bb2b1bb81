import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { getUserToChangePassword, PASSWORD_CHANGE_PATH } from "@/lib/auth/session";

// Per request: only for a signed-in user.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.password");
  return { title: t("title") };
}

/** Any signed-in user changes their password here; one whose administrator asked for it is sent here first. */
export default async function ChangePasswordPage() {
  const user = await getUserToChangePassword();
  if (!user) redirect(`/login?${new URLSearchParams({ next: PASSWORD_CHANGE_PATH })}`);
  const t = await getTranslations("auth.password");
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {user.mustChangePassword ? (
        <div className="mb-4">
          <Alert tone="warning">{t("required")}</Alert>
        </div>
      ) : null}
      <Card>
        <ClientMessages namespaces={["auth.password", "auth.register"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </Card>
    </Container>
  );
}
