import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";

/** "Page not found", inside whatever header the area has. */
export async function NotFoundContent() {
  const t = await getTranslations();
  return (
    <Container>
      <EmptyState
        titleAs="h1"
        title={t("errors.notFoundPage.title")}
        body={t("errors.notFoundPage.body")}
        action={<ButtonLink href="/">{t("common.backHome")}</ButtonLink>}
      />
    </Container>
  );
}

/** "No access" (403), inside whatever header the area has. */
export async function ForbiddenContent() {
  const t = await getTranslations();
  return (
    <Container>
      <EmptyState
        titleAs="h1"
        title={t("errors.forbiddenPage.title")}
        body={t("errors.forbiddenPage.body")}
        action={<ButtonLink href="/">{t("common.backHome")}</ButtonLink>}
      />
    </Container>
  );
}
