import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";

export default async function Forbidden() {
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
