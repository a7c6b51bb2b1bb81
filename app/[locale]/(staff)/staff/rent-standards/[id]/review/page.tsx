import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RentReviewPage } from "@/components/rent-standards/rent-review-page";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { translateFieldErrors } from "@/lib/actions/action-result";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { getRentStandard, previewReview, type ReviewPreview } from "@/lib/tenancy/rent-standards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rentStandards");
  return { title: t("startReview") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ["disposableIncomeChange", "cpiChange", "rentIndexChange", "marketRent", "effectiveFrom"] as const;

export default async function RentReviewRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("rentStandard:manage", undefined, { returnTo: `/staff/rent-standards/${id}/review` });
  const standard = await getRentStandard(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!standard.can.review) {
    const t = await getTranslations("rentStandards");
    return (
      <Container>
        <Alert tone="warning">{standard.inForce ? t("reviewUnderWay") : t("notReviewable")}</Alert>
      </Container>
    );
  }
  const query = await searchParams;
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = query[f];
    if (typeof v === "string") values[f] = v.slice(0, 100);
  }
  let preview: ReviewPreview | null = null;
  let fieldErrors: Record<string, string[]> = {};
  let formError: string | null = null;
  // Computed only when asked (the form was sent): nothing is written.
  if (values.effectiveFrom !== undefined || values.cpiChange !== undefined) {
    const translate = await getServerTranslator();
    try {
      preview = await previewReview(user, { standardId: standard.id, ...values });
    } catch (error) {
      if (!isAppError(error) || (error.code !== "VALIDATION" && error.code !== "CONFLICT")) throw error;
      fieldErrors = translateFieldErrors(error.fieldErrors, translate);
      formError = error.code === "CONFLICT" || Object.keys(fieldErrors).length === 0 ? translate(error.messageKey) : null;
    }
  }
  return <RentReviewPage standard={standard} values={values} preview={preview} fieldErrors={fieldErrors} formError={formError} />;
}
