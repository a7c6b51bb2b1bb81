import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { formatIsoDate } from "@/lib/applications/format";
import { formatFen, formatPercentBp } from "@/lib/money/format";
import { maxStandardRentFen } from "@/lib/rules/rent";
import type { RentStandardDetail } from "@/lib/tenancy/rent-standards";
import { DecideRentStandardForm } from "./rent-standard-forms";
import { StandardBadges } from "./rent-standard-list";
import { RentTierTable } from "./rent-standard-tiers";

/** One standard: its facts and tiers, the review inputs, the chain of reviews, and the decision. */
export async function RentStandardPage({ standard }: { standard: RentStandardDetail }) {
  const t = await getTranslations("rentStandards");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const l = locale === "en" ? "en" : "zh-CN";
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const yuanPerM2 = (fen: number) => t("perM2", { amount: formatFen(fen, locale) });
  const title = `${standard.estate.name} · ${standard.unitType ? stock(`unitType.${standard.unitType}`) : t("allTypes")}`;
  const changes = standard.changesBp;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/rent-standards" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("backToList")}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={<StandardBadges item={standard} />}
        actions={standard.can.review ? <ButtonLink href={`/staff/rent-standards/${standard.id}/review`}>{t("startReview")}</ButtonLink> : null}
      />
      {standard.status === "REJECTED" && standard.rejectionReason ? (
        <Alert tone="warning" className="mb-6">
          {t("rejected", { name: standard.rejectedByName ?? "", at: standard.rejectedAt ? at(standard.rejectedAt) : "", reason: standard.rejectionReason })}
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card title={t("facts")}>
            <Facts
              items={[
                { label: t("documentNo"), value: <span data-testid="standard-document-no">{standard.documentNo ?? "—"}</span> },
                { label: t("effectiveFrom"), value: <span data-testid="standard-effective-from">{formatIsoDate(standard.effectiveFrom, l)}</span> },
                ...(standard.effectiveTo ? [{ label: t("effectiveTo"), value: formatIsoDate(standard.effectiveTo, l) }] : []),
                { label: t("nextReviewDate"), value: formatIsoDate(standard.nextReviewDate, l) },
                { label: t("marketRent"), value: yuanPerM2(standard.marketRentFenPerM2) },
                { label: t("cap"), value: yuanPerM2(maxStandardRentFen(standard.marketRentFenPerM2)) },
                { label: t("leaseCount"), value: t("leaseCountValue", { count: standard.leaseCount }) },
              ]}
            />
          </Card>
          <Card title={t("tiersTitle")}>
            <RentTierTable tiers={standard.tiers} testId="standard-tiers" />
          </Card>
          {changes ? (
            <Card title={t("changesTitle")}>
              <Facts
                items={[
                  { label: t("disposableIncome"), value: t("percentValue", { value: formatPercentBp(changes.disposableIncomeBp, locale) }) },
                  { label: t("cpi"), value: t("percentValue", { value: formatPercentBp(changes.cpiBp, locale) }) },
                  { label: t("rentIndex"), value: t("percentValue", { value: formatPercentBp(changes.rentIndexBp, locale) }) },
                ]}
              />
            </Card>
          ) : null}
        </div>
        <div className="flex flex-col gap-6">
          <Card title={t("history")}>
            <ol className="flex flex-col gap-1 text-sm text-slate-800" data-testid="standard-history">
              <li>{t("created", { name: standard.createdByName ?? "—", at: at(standard.createdAt) })}</li>
              {standard.approvedAt ? <li>{t("approved", { name: standard.approvedByName ?? "", at: at(standard.approvedAt) })}</li> : null}
              {standard.rejectedAt ? <li>{t("rejected", { name: standard.rejectedByName ?? "", at: at(standard.rejectedAt), reason: standard.rejectionReason ?? "" })}</li> : null}
            </ol>
          </Card>
          <Card title={t("chainTitle")}>
            {standard.history.length === 0 ? (
              <p className="text-sm text-slate-600">{t("chainEmpty")}</p>
            ) : (
              <ol className="flex flex-col gap-2 text-sm" data-testid="standard-chain">
                {standard.history.map((h) => (
                  <li key={h.id} className="flex flex-col gap-1">
                    <Link href={`/staff/rent-standards/${h.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {h.documentNo ?? "—"} · {t("effective", { from: formatIsoDate(h.effectiveFrom, l) })}
                    </Link>
                    <StandardBadges item={h} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
          {standard.can.decide ? (
            <Card title={t("decideTitle")}>
              <p className="mb-4 text-sm text-slate-700">{t("decideIntro")}</p>
              <ClientMessages namespaces={["rentStandards"]}>
                <DecideRentStandardForm standardId={standard.id} documentNo={standard.documentNo ?? ""} />
              </ClientMessages>
            </Card>
          ) : standard.decideBlocked === "ownDraft" ? (
            <Alert tone="info">{t("ownDraft")}</Alert>
          ) : standard.decideBlocked === "tooLate" ? (
            <Alert tone="warning">{t("tooLate")}</Alert>
          ) : standard.status === "DRAFT" ? (
            <Alert tone="info">{t("waiting")}</Alert>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
