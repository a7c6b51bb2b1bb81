import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { CurrentUser } from "@/lib/auth/session";
import { explainIneligibility, roundFen, type IneligibilityCode } from "@/lib/rules";
import { formatDm2, formatFen } from "@/lib/money/format";
import type { ReviewDetail as Detail } from "@/lib/review/detail";
import { REFUSAL_CODES } from "@/lib/review/schemas";
import { AcceptForm, ReturnForm, ReviewDecisionForm } from "./decision-forms";
import { formatDateColumn, formatInstant } from "@/components/ui/format";
import { formatBytes } from "@/lib/documents/format";
import { fromDateColumn } from "@/lib/clock";
import { publicityPeriod } from "@/lib/rules/publicity";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { StatusBadge } from "@/components/applications/status-badge";
import { articleList } from "@/lib/applications/status-reason-text";
import { StatusReasonLines } from "@/components/applications/status-reason-lines";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The officers' page for one application: decision first, then everything it rests on. */
export async function ReviewDetail({
  detail,
  user,
  done,
  sharedDataPanel,
}: {
  detail: Detail;
  user: CurrentUser;
  done?: string;
  /** The shared-data comparison (Art. 17-18), supplied by lib/shared-data; null until it exists. */
  sharedDataPanel?: ReactNode;
}) {
  const locale = await getLocale();
  const rulesLocale = locale === "en" ? "en" : "zh-CN";
  const t = await getTranslations("review");
  const tl = loose(t);
  const common = await getTranslations("common");
  const root = loose(await getTranslations());
  const d = detail;
  const statusLabel = tl(`status.${d.status}`);
  const districtName = locale === "en" ? d.district.nameEn : d.district.name;
  const yesNo = (v: boolean) => (v ? common("yes") : common("no"));
  const failingCodes = new Set((d.precheck?.reasons ?? []).map((r) => r.code));

  let doneMessage: string | null = null;
  if (done === "accepted") doneMessage = t("detail.done.accepted", { date: formatDateColumn(d.firstReviewDueDate) });
  else if (done === "returned") doneMessage = t("detail.done.returned");
  else if (done && ["FIRST_REVIEW_PASSED", "FIRST_REVIEW_REJECTED", "SECOND_REVIEW_PASSED", "SECOND_REVIEW_REJECTED"].includes(done)) {
    doneMessage = tl(`detail.done.${done}`);
  }

  const decisionPanel = (() => {
    if (d.status === "SUBMITTED" && d.can.accept) {
      return (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="accept-title" className="flex flex-col gap-3">
            <h3 id="accept-title" className="text-base font-semibold text-slate-900">
              {t("forms.acceptTitle")}
            </h3>
            <p className="text-slate-700">{t("forms.acceptBody", { date: d.acceptDueIfToday })}</p>
            <ClientMessages namespaces={["review.forms", "review.level", "review.validation"]}><AcceptForm applicationId={d.id} /></ClientMessages>
          </section>
          <section aria-labelledby="return-title" className="flex flex-col gap-3">
            <h3 id="return-title" className="text-base font-semibold text-slate-900">
              {t("forms.returnTitle")}
            </h3>
            <p className="text-slate-700">{t("forms.returnBody")}</p>
            <ClientMessages namespaces={["review.forms", "review.level", "review.validation"]}><ReturnForm applicationId={d.id} /></ClientMessages>
          </section>
        </div>
      );
    }
    if ((d.status === "ACCEPTED" || d.status === "FIRST_REVIEW_PASSED") && d.can.review) {
      const level = d.status === "ACCEPTED" ? "FIRST" : "SECOND";
      if (level === "SECOND" && d.firstReviewerId === user.id) {
        return <Alert tone="warning">{t("detail.sameOfficer")}</Alert>;
      }
      const reasons = REFUSAL_CODES.map((code) => ({ code, label: tl(`reasonCodes.${code}`), fromPrecheck: failingCodes.has(code) }));
      return (
        <div className="flex flex-col gap-3">
          <h3 className="text-base font-semibold text-slate-900">{tl(`forms.reviewTitle${level}`)}</h3>
          <p className="text-slate-700">{tl(`forms.reviewBody${level}`, { date: d.stageDueDate ?? "—" })}</p>
          <ClientMessages namespaces={["review.forms", "review.level", "review.validation"]}><ReviewDecisionForm applicationId={d.id} level={level} reasons={reasons} /></ClientMessages>
        </div>
      );
    }
    if (!d.can.accept && !d.can.review) return <p className="text-slate-700">{t("detail.readOnly")}</p>;
    return <p className="text-slate-700">{t("detail.noAction", { status: statusLabel })}</p>;
  })();

  const precheck = d.precheck;
  return (
    <Container>
      <p className="mb-3">
        <Link href="/staff/review" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("detail.backToQueue")}
        </Link>
      </p>
      <PageHeader
        title={t("detail.title", { applicationNo: d.applicationNo })}
        description={
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <StatusBadge status={d.status} label={statusLabel} />
            <span>{t("detail.district", { district: districtName })}</span>
            {d.stageDueDate ? <span>· {t("detail.dueLine", { date: d.stageDueDate })}</span> : null}
            {d.daysOverdue > 0 ? <Badge tone="danger">{t("detail.overdueLine", { days: d.daysOverdue })}</Badge> : null}
            {d.isPriority ? <Badge tone="warning">{t("queue.priorityBadge")}</Badge> : null}
          </div>
        }
      />

      <div className="flex flex-col gap-6">
        {doneMessage ? <Alert tone="success">{doneMessage}</Alert> : null}

        <Card title={t("detail.decisionTitle")} id="decision">
          {decisionPanel}
        </Card>

        {/* Shared-data comparison (Art. 17-18): declared vs. recorded per member, built by lib/shared-data. */}
        {sharedDataPanel ? (
          <section aria-label={t("detail.sharedDataTitle")} id="shared-data">
            {sharedDataPanel}
          </section>
        ) : null}

        <Card title={t("detail.precheckTitle")}>
          {precheck ? (
            <div className="flex flex-col gap-3">
              <Alert tone={precheck.eligible ? "success" : "warning"}>{precheck.eligible ? t("detail.precheckEligible") : t("detail.precheckIneligible")}</Alert>
              {precheck.reasons.length > 0 ? (
                <ul className="flex list-disc flex-col gap-2 pl-5 text-slate-800">
                  {precheck.reasons.map((r, i) => (
                    <li key={i}>
                      <span className="font-medium">{(REFUSAL_CODES as string[]).includes(r.code) ? tl(`reasonCodes.${r.code}`) : r.code}</span>
                      <span className="block text-sm text-slate-700">
                        {(REFUSAL_CODES as string[]).includes(r.code) ? explainIneligibility({ code: r.code as IneligibilityCode, params: r.params }, rulesLocale) : r.message}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {typeof precheck.perCapitaIncomeFen === "number" && typeof precheck.incomeLimitFen === "number" ? (
                <p className="text-sm text-slate-600">
                  {t("detail.precheckIncome", {
                    perCapita: formatFen(roundFen(precheck.perCapitaIncomeFen), locale),
                    limit: formatFen(roundFen(precheck.incomeLimitFen), locale),
                    year: d.referenceIncomeYear ?? "—",
                  })}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="text-slate-700">{t("detail.precheckMissing")}</p>
          )}
        </Card>

        <Card title={t("detail.householdTitle")}>
          {d.members.some((m) => m.isMasked) ? <p className="mb-3 text-sm text-slate-600">{t("detail.idsMasked")}</p> : null}
          <div className="relative -mx-2 overflow-x-auto px-2">
            <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.name")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.relationship")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.residentId")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.sex")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.birthDate")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.marital")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("detail.civilCapacity")}</th>
                  <th scope="col" className="py-2 text-right font-medium">{t("detail.income")}</th>
                </tr>
              </thead>
              <tbody>
                {d.members.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{m.name}</th>
                    <td className="py-2 pr-3">{tl(`relationship.${m.relationship}`)}</td>
                    <td className="py-2 pr-3 font-mono">{m.residentId}</td>
                    <td className="py-2 pr-3">{tl(`sex.${m.sex}`)}</td>
                    <td className="py-2 pr-3">{formatDateColumn(m.birthDate)}</td>
                    <td className="py-2 pr-3">{m.maritalStatus ? tl(`marital.${m.maritalStatus}`) : common("none")}</td>
                    <td className="py-2 pr-3">{yesNo(m.fullCivilCapacity)}</td>
                    <td className="py-2 text-right tabular-nums">{formatFen(m.annualIncomeFen, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card title={t("detail.declarationTitle")}>
            {d.declaration ? (
              <Facts
                items={[
                  { label: t("detail.employment"), value: tl(`employment.${d.declaration.employment}`) },
                  { label: t("detail.employer"), value: d.declaration.employerName ?? common("none") },
                  {
                    label: t("detail.workDistrict"),
                    value: d.declaration.workDistrict ? (locale === "en" ? d.declaration.workDistrict.nameEn : d.declaration.workDistrict.name) : common("none"),
                  },
                  { label: t("detail.migrant"), value: yesNo(d.declaration.isMigrantWorker) },
                  { label: t("detail.ownsHousing"), value: yesNo(d.declaration.ownsUrbanHousingInCity) },
                  { label: t("detail.floorArea"), value: t("detail.floorAreaValue", { area: formatDm2(d.declaration.housingFloorAreaDm2, locale) }) },
                  { label: t("detail.lastTransfer"), value: d.declaration.lastHousingTransferDate ? formatDateColumn(d.declaration.lastHousingTransferDate) : common("none") },
                  { label: t("detail.familySupport"), value: yesNo(d.declaration.familyCanSupportHousing) },
                  {
                    label: t("detail.priorityCategories"),
                    value: d.declaration.priorityCategories.length ? d.declaration.priorityCategories.map((c) => tl(`priority.${c}`)).join("、") : common("none"),
                  },
                  { label: t("detail.rentalSubsidy"), value: yesNo(d.declaration.receivesRentalSubsidy) },
                ]}
              />
            ) : (
              <p className="text-slate-700">{t("detail.noDeclaration")}</p>
            )}
          </Card>

          <Card title={t("detail.applicationTitle")}>
            <Facts
              items={[
                { label: t("detail.applicationNo"), value: d.applicationNo },
                { label: t("detail.source"), value: tl(`source.${d.source}`) },
                { label: t("detail.level"), value: tl(`estateLevel.${d.estateLevel}`) },
                { label: t("detail.unitType"), value: d.preferredUnitType ? tl(`unitType.${d.preferredUnitType}`) : common("none") },
                {
                  label: t("detail.estates"),
                  value: d.estatePreferences.length
                    ? d.estatePreferences.map((p) => `${p.rank}. ${locale === "en" && p.estate.nameEn ? p.estate.nameEn : p.estate.name}`).join("；")
                    : common("none"),
                },
                { label: t("detail.submittedAt"), value: formatInstant(d.submittedAt, locale) },
                { label: t("detail.acceptedAt"), value: formatInstant(d.acceptedAt, locale) },
                {
                  label: t("detail.consent"),
                  value: d.consentedAt && d.declaredTrueAt ? t("detail.consentGiven", { date: formatInstant(d.declaredTrueAt, locale) }) : t("detail.consentMissing"),
                },
                { label: t("detail.contactPhone"), value: d.contactPhone ?? common("none") },
              ]}
            />
          </Card>
        </div>

        <Card title={t("detail.documentsTitle")}>
          {d.documents.length > 0 ? (
            <ul className="flex flex-col gap-2">
              {d.documents.map((doc) => (
                <li key={doc.id} className="flex flex-wrap items-baseline gap-x-3">
                  <span className="text-sm text-slate-600">{tl(`documentKind.${doc.kind}`)}</span>
                  <a href={`/api/documents/${doc.id}`} className="break-all text-brand-700 underline underline-offset-2" target="_blank" rel="noopener">
                    {doc.fileName}
                  </a>
                  <span className="text-sm text-slate-500">{formatBytes(doc.sizeBytes)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{t("detail.noDocuments")}</p>
          )}
        </Card>

        <Card title={t("detail.decisionsTitle")}>
          {d.reviewDecisions.length > 0 ? (
            <ol className="flex flex-col gap-4">
              {d.reviewDecisions.map((dec) => {
                // Decisions made before applicantMessage existed kept it as a reason's message.
                const told = dec.applicantMessage ?? dec.reasons.find((r) => r.code === "OFFICER_NOTE" || r.code === "MISSING_DOCUMENTS")?.message;
                const codes = dec.reasons.filter((r) => (REFUSAL_CODES as string[]).includes(r.code));
                return (
                  <li key={dec.id} className="rounded-md border border-slate-200 p-4">
                    <p className="font-medium text-slate-900">
                      {t("detail.decisionLine", { level: tl(`level.${dec.level}`), outcome: tl(`outcome.${dec.outcome}`), officer: dec.officer.name })}
                    </p>
                    <p className="text-sm text-slate-600">
                      {t("detail.decidedAt", { at: formatInstant(dec.decidedAt, locale) })} · {t("detail.dueWas", { date: formatDateColumn(dec.dueDate) })}
                    </p>
                    {codes.length > 0 ? (
                      <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
                        {codes.map((c) => (
                          <li key={c.code}>{tl(`reasonCodes.${c.code}`)}</li>
                        ))}
                      </ul>
                    ) : null}
                    {dec.articlesCited.length > 0 ? (
                      <p className="mt-1 text-sm text-slate-700">{t("detail.articles", { articles: articleList(dec.articlesCited, locale === "en" ? "en" : "zh-CN") })}</p>
                    ) : null}
                    {told ? <p className="mt-1 text-sm text-slate-800">{t("detail.applicantMessage", { text: told })}</p> : null}
                    {dec.comment ? <p className="mt-1 text-sm text-slate-600">{t("detail.comment", { text: dec.comment })}</p> : null}
                    {dec.notifiedAt && dec.noticeMethod ? (
                      <p className="mt-1 text-sm text-slate-600">
                        {t("detail.notified", { at: formatInstant(dec.notifiedAt, locale), method: tl(`noticeMethod.${dec.noticeMethod}`) })}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">{t("detail.noDecisions")}</p>
          )}
        </Card>

        {d.publicityEntries.length > 0 || d.appeals.length > 0 ? (
          <div className="grid items-start gap-6 lg:grid-cols-2">
            <Card title={t("detail.publicityTitle")}>
              {d.publicityEntries.length > 0 ? (
                <ul className="flex flex-col gap-2 text-slate-800">
                  {d.publicityEntries.map((e) => {
                    const period = publicityPeriod(fromDateColumn(e.batch.startDate), fromDateColumn(e.batch.endDate));
                    return (
                      <li key={e.id}>
                        <Link href={`/staff/publicity/${e.batch.id}`} className="text-brand-700 underline underline-offset-2">
                          {t("detail.publicityLine", { title: e.batch.title, start: period.firstDay, end: period.endDate })}
                        </Link>
                        <span className="ml-2 text-sm text-slate-600">{t("detail.objectionCount", { count: e.objections.length })}</span>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="text-slate-700">{common("none")}</p>
              )}
            </Card>
            <Card title={t("detail.appealsTitle")}>
              {d.appeals.length > 0 ? (
                <ul className="flex flex-col gap-2 text-slate-800">
                  {d.appeals.map((a) => (
                    <li key={a.id}>
                      {formatInstant(a.lodgedAt, locale)} · {root(`appeals.status.${a.status}`)}
                      {a.decision ? ` · ${root(`appeals.decision.${a.decision}`)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-700">{common("none")}</p>
              )}
            </Card>
          </div>
        ) : null}

        <Card title={t("detail.historyTitle")}>
          {d.statusEvents.length > 0 ? (
            <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-5">
              {d.statusEvents.map((e) => (
                <li key={String(e.id)}>
                  <p className="font-medium text-slate-900">{tl(`status.${e.toStatus}`)}</p>
                  <p className="text-sm text-slate-600">
                    {formatInstant(e.at, locale)} ·{" "}
                    {e.actor ? t("detail.historyBy", { actor: e.actor.name, role: e.actorRole ? tl(`roles.${e.actorRole}`) : "" }) : t("system")}
                  </p>
                  <StatusReasonLines event={e} translate={root} locale={locale === "en" ? "en" : "zh-CN"} className="text-sm text-slate-800" />
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">{t("detail.noHistory")}</p>
          )}
        </Card>
      </div>
    </Container>
  );
}

