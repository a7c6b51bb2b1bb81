import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import type { DraftReview, DraftView } from "@/lib/applications/drafts";
import { articleLabel, formatIsoDate } from "@/lib/applications/format";
import { APPLY_STEPS, type ApplyStep } from "@/lib/applications/schemas";
import { fromDateColumn } from "@/lib/clock";
import { formatDm2, formatFen } from "@/lib/money/format";
import { maskResidentId, roundFen } from "@/lib/rules";
import { SubmitForm } from "./step-forms";
import { ClientMessages } from "@/components/i18n/client-messages";

function SummaryCard({ step, title, editLabel, children }: { step: ApplyStep; title: string; editLabel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`summary-${step}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id={`summary-${step}`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <Link href={`/me/apply/${step}`} className="text-brand-700 underline">
          {editLabel}
          <span className="sr-only">
            {" "}
            {title}
          </span>
        </Link>
      </div>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-1.5 sm:flex-row sm:gap-4">
      <dt className="shrink-0 text-sm text-slate-600 sm:w-40">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Step 6: every answer to check, what would stop the submission, and the pre-check with reasons by article. */
export async function ReviewStep({
  view,
  review,
  estateNames,
  districtNames,
}: {
  view: DraftView;
  review: DraftReview;
  estateNames: Record<string, string>;
  districtNames: Record<string, string>;
}) {
  const t = await getTranslations("applications");
  const locale = await getLocale();
  const { record } = view;
  const d = record.declaration;
  const applicant = record.members.find((m) => m.relationship === "APPLICANT");
  const others = record.members.filter((m) => m !== applicant);
  const edit = t("apply.review.edit");
  const e = review.eligibility;
  const yesNo = (v: boolean | undefined) => (v === undefined ? "—" : v ? t("apply.review.yes") : t("apply.review.no"));
  const saved = (step: ApplyStep) => view.savedSteps.includes(step);

  return (
    <div className="flex flex-col gap-6">
      {review.issues.length > 0 ? (
        <Alert tone="error" title={t("apply.review.issuesTitle", { count: review.issues.length })}>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {review.issues.map((issue, i) => (
              <li key={`${issue.path}-${i}`}>
                <Link href={`/me/apply/${issue.step}`} className="underline">
                  {t("apply.review.issueStep", { n: APPLY_STEPS.indexOf(issue.step) + 1, step: t(`apply.steps.${issue.step}`) })}
                </Link>
                {t("colon")}
                {t(issue.message.replace(/^applications\./, "") as never)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <section aria-labelledby="precheck-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="precheck-title" className="mb-3 text-lg font-semibold text-slate-900">
          {t("precheck.title")}
        </h2>
        {e === null ? (
          <p className="text-slate-700">{t("precheck.incomplete")}</p>
        ) : (
          <div className="flex flex-col gap-3">
            {e.eligible ? (
              <Alert tone="success" title={t("precheck.eligibleTitle")}>
                {t("precheck.eligibleBody")}
              </Alert>
            ) : (
              <Alert tone="warning" title={t("precheck.ineligibleTitle", { count: e.reasons.length })}>
                {t("precheck.ineligibleBody")}
              </Alert>
            )}
            {review.explained.length > 0 ? (
              <ol className="flex flex-col gap-3">
                {review.explained.map((r) => (
                  <li key={r.code} className="rounded-md border border-amber-300 bg-amber-50 p-3">
                    <p className="mb-1 text-sm font-semibold text-amber-900">{articleLabel(r.article, locale)}</p>
                    <p className="text-slate-900">{r.text}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            <dl className="text-sm">
              <Row label={t("precheck.householdSize")}>{e.householdSize}</Row>
              <Row label={t("precheck.perCapita")}>{t("precheck.yuanPerYear", { amount: formatFen(roundFen(e.perCapitaIncomeFen), locale) })}</Row>
              <Row label={t("precheck.limit")}>
                {t("precheck.yuanPerYear", { amount: formatFen(roundFen(e.incomeLimitFen), locale) })}
                {review.referenceIncomeYear ? ` ${t("precheck.referenceYear", { year: review.referenceIncomeYear })}` : ""}
              </Row>
            </dl>
            <p className="text-sm text-slate-600">{t("precheck.disclaimer")}</p>
          </div>
        )}
      </section>

      <SummaryCard step="household" title={t("apply.steps.household")} editLabel={edit}>
        {applicant ? (
          <ul className="flex flex-col gap-2">
            {[applicant, ...others].map((m) => (
              <li key={m.id} className="rounded-md bg-slate-50 px-3 py-2">
                <p className="font-medium text-slate-900">
                  {t("personWithRole", { name: m.name, role: t(`relationship.${m.relationship}`) })}
                </p>
                <p className="text-sm text-slate-700">
                  {maskResidentId(m.residentId)} · {t(`apply.household.sex.${m.sex}`)} · {formatIsoDate(fromDateColumn(m.birthDate), locale)}
                </p>
                <p className="text-sm text-slate-700">
                  {m.maritalStatus ? `${t(`marital.${m.maritalStatus}`)} · ` : ""}
                  {m.fullCivilCapacity ? t("apply.household.capacityYes") : t("apply.household.capacityNo")} · {t("apply.review.income", { amount: formatFen(m.annualIncomeFen, locale) })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t("apply.review.notAnswered")}</p>
        )}
      </SummaryCard>

      <SummaryCard step="work" title={t("apply.steps.work")} editLabel={edit}>
        {d && saved("work") ? (
          <dl>
            <Row label={t("apply.work.employment")}>{t(`employment.${d.employment}`)}</Row>
            <Row label={t("apply.work.employerNameOptional")}>{d.employerName ?? "—"}</Row>
            <Row label={t("apply.work.workDistrict")}>{d.workDistrictCode ? (districtNames[d.workDistrictCode] ?? d.workDistrictCode) : "—"}</Row>
          </dl>
        ) : (
          <p className="text-slate-600">{t("apply.review.notAnswered")}</p>
        )}
      </SummaryCard>

      <SummaryCard step="housing" title={t("apply.steps.housing")} editLabel={edit}>
        {d && saved("housing") ? (
          <dl>
            <Row label={t("apply.housing.owns")}>
              {yesNo(d.ownsUrbanHousingInCity)}
              {d.ownsUrbanHousingInCity ? ` · ${t("apply.review.area", { area: formatDm2(d.housingFloorAreaDm2, locale) })}` : ""}
            </Row>
            <Row label={t("apply.housing.transferDate")}>{d.lastHousingTransferDate ? formatIsoDate(fromDateColumn(d.lastHousingTransferDate), locale) : t("apply.review.none")}</Row>
            <Row label={t("apply.housing.familySupport")}>{yesNo(d.familyCanSupportHousing)}</Row>
            <Row label={t("apply.housing.priorityTitle")}>
              {d.priorityCategories.length ? d.priorityCategories.map((c) => t(`priority.${c}`)).join(t("listSeparator")) : t("apply.review.none")}
            </Row>
            <Row label={t("apply.housing.rentalSubsidy")}>{yesNo(d.receivesRentalSubsidy)}</Row>
          </dl>
        ) : (
          <p className="text-slate-600">{t("apply.review.notAnswered")}</p>
        )}
      </SummaryCard>

      <SummaryCard step="where" title={t("apply.steps.where")} editLabel={edit}>
        {saved("where") ? (
          <dl>
            <Row label={t("apply.where.office")}>{districtNames[record.districtCode] ?? record.districtCode}</Row>
            <Row label={t("apply.where.estateLevel")}>{t(`estateLevel.${record.estateLevel}`)}</Row>
            <Row label={t("apply.where.unitType")}>{record.preferredUnitType ? t(`unitType.${record.preferredUnitType}`) : "—"}</Row>
            <Row label={t("apply.where.estatesTitle")}>
              <ol className="list-decimal pl-5">
                {record.estatePreferences.map((p) => (
                  <li key={p.estate.code}>{estateNames[p.estate.code] ?? p.estate.code}</li>
                ))}
              </ol>
            </Row>
          </dl>
        ) : (
          <p className="text-slate-600">{t("apply.review.notAnswered")}</p>
        )}
      </SummaryCard>

      <SummaryCard step="documents" title={t("apply.steps.documents")} editLabel={edit}>
        {record.documents.length ? (
          <p className="text-slate-800">
            {t("apply.review.documentsCount", { count: record.documents.length })}
            {review.missingDocuments.length ? ` · ${t("apply.review.documentsMissing")}` : ""}
          </p>
        ) : (
          <p className="text-slate-600">{t("apply.review.noDocuments")}</p>
        )}
      </SummaryCard>

      <ClientMessages namespaces={["applications.apply.review"]}><SubmitForm blocked={review.issues.length > 0} /></ClientMessages>

      <div>
        <ButtonLink href="/me/apply/documents" variant="secondary" className="w-full sm:w-auto">
          {t("apply.back")}
        </ButtonLink>
      </div>
    </div>
  );
}
