"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { Container } from "@/components/ui/container";

export function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors.errorPage");
  // Production server errors arrive with only a digest, which matches the server log.
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <Container narrow>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <Alert tone="error">
        {t("body")}
        {digest ? <span className="mt-1 block font-mono text-xs">{digest}</span> : null}
      </Alert>
      <button type="button" className={buttonClasses("primary", "mt-6")} onClick={() => retry()}>
        {t("retry")}
      </button>
    </Container>
  );
}
