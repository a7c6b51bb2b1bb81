import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
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
