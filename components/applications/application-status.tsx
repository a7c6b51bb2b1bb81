import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { canAppealOn, currentDeadline, isAppealableStatus } from "@/lib/applications/deadlines";
import { articleLabel, formatBytes, formatCstDateTime, formatIsoDate } from "@/lib/applications/format";
import type { ApplicationStatusView } from "@/lib/applications/queries";
import { fromDateColumn, todayCST } from "@/lib/clock";
import { INELIGIBILITY_ARTICLES, explainIneligibility, maskResidentId, type IneligibilityCode, type ReasonParams } from "@/lib/rules";
import { NotificationsInbox } from "./notifications-inbox";
import { localizeNotificationParams } from "@/lib/notifications/params";
import { StatusBadge } from "./status-badge";
import { StatusReasonLines } from "./status-reason-lines";
import { ClientMessages } from "@/components/i18n/client-messages";

interface StoredReason {
  code?: string;
  article?: string;
  message?: string;
  params?: ReasonParams;
}

function asReasons(value: unknown): StoredReason[] {
  return Array.isArray(value) ? value.filter((r): r is StoredReason => typeof r === "object" && r !== null) : [];
}

/** A reason in the reader's language: lib/rules explains its own codes; officers' own words stay as written. */
function reasonText(r: StoredReason, locale: "zh-CN" | "en"): string {
  if (r.code && Object.hasOwn(INELIGIBILITY_ARTICLES, r.code)) {
    return explainIneligibility({ code: r.code as IneligibilityCode, params: r.params }, locale);
  }
  return r.message ?? "";
}

/** The applicant's status page (issue 4 item 9): what happens next and by when, why, every step so far. */
export async function ApplicationStatus({ view, justSubmitted }: { view: ApplicationStatusView; justSubmitted: boolean }) {
  const t = await getTranslations("applications");
  const tn = await getTranslations("notifications");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const { record, deadlineSource, precheck } = view;
  const today = todayCST();
  const deadline = currentDeadline(deadlineSource);
  const appealOpen = canAppealOn(deadlineSource, today);
  const appealClosed = isAppealableStatus(record.status) && !appealOpen;
  const no = record.applicationNo;
  const districtName = locale === "en" ? record.district.nameEn : record.district.name;
  const roleLabel = (role: string | null) => (role ? t(`actor.${role}` as "actor.SYSTEM") : t("actor.SYSTEM"));
  const loose = tn as unknown as (key: string, values?: Record<string, string | number>) => string;
  const rootT = (await getTranslations()) as unknown as (key: string, values?: Record<string, string | number>) => string;

  const decisions = record.reviewDecisions;
  const appeals = record.appeals.filter((a) => a.decision);

  return (
    <Container>
      <PageHeader
        title={t("statusPage.title", { applicationNo: no })}
        description={
          <div className="flex flex-col gap-2">
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge status={record.status} label={t(`status.${record.status}`)} />
              <span className="text-sm text-slate-600">
                {t("statusPage.office", { district: districtName })} · {t(`estateLevel.${record.estateLevel}`)} · {t(`source.${record.source}`)}
              </span>
            </p>
            {record.submittedAt ? <p className="text-sm text-slate-600">{t("statusPage.submittedAt", { at: formatCstDateTime(record.submittedAt, locale) })}</p> : null}
          </div>
        }
        actions={
          <ButtonLink href="/me" variant="secondary">
            {t("statusPage.backToList")}
          </ButtonLink>
        }
      />

      {justSubmitted && record.status === "SUBMITTED" ? (
        <Alert tone="success" title={t("statusPage.submittedTitle")} className="mb-6">
          {t("statusPage.submittedBody", { applicationNo: no })}
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card title={t("statusPage.nextTitle")}>
            <p className="text-slate-900">
              {appealClosed
                ? t("nextStep.appealClosed", { date: deadlineSource.appealDueDate ? formatIsoDate(deadlineSource.appealDueDate, locale) : "—" })
                : t(`nextStep.${record.status}`, { date: deadline ? formatIsoDate(deadline.date, locale, { weekday: true }) : "—" })}
            </p>
            {deadline ? (
              <p className="mt-3 rounded-md bg-brand-50 px-3 py-2 text-brand-900">
                <span className="font-semibold">{t(`deadline.${deadline.kind}`)}</span>
                {t("colon")}
                {formatIsoDate(deadline.date, locale, { weekday: true })}
                <span className="block text-sm text-brand-800">{t(`deadlineRule.${deadline.kind}`)}</span>
              </p>
            ) : null}
            {record.status === "RETURNED" ? (
              <p className="mt-4">
                <ButtonLink href="/me/apply">{t("statusPage.completeReturned")}</ButtonLink>
              </p>
            ) : null}
            {/* Appeals (Art. 19) are built at ./appeal by the appeals feature: link while the window is open. */}
            {appealOpen ? (
              <div className="mt-4 rounded-md border border-amber-400 bg-amber-50 p-3" data-slot="appeal">
                <p className="text-amber-900">{t("statusPage.appealOpen", { date: formatIsoDate(deadlineSource.appealDueDate!, locale, { weekday: true }) })}</p>
                <p className="mt-2">
                  <ButtonLink href={`/me/applications/${encodeURIComponent(no)}/appeal`}>{t("statusPage.appealLink")}</ButtonLink>
                </p>
              </div>
            ) : null}
          </Card>

          {decisions.length > 0 || appeals.length > 0 ? (
            <Card title={t("statusPage.decisionsTitle")}>
              <ol className="flex flex-col gap-4">
                {decisions.map((d) => {
                  const reasons = asReasons(d.reasons);
                  return (
                    <li key={d.id} className="rounded-md border border-slate-200 p-3">
                      <p className="font-semibold text-slate-900">
                        {t(`reviewLevel.${d.level}`)} · {t(`reviewOutcome.${d.outcome}`)}
                      </p>
                      <p className="text-sm text-slate-600">{formatCstDateTime(d.decidedAt, locale)}</p>
                      {reasons.length > 0 ? (
                        <ul className="mt-2 flex flex-col gap-2">
                          {reasons.map((r, i) => (
                            <li key={i} className="text-slate-900">
                              {r.article ? <span className="mr-1 font-semibold">{articleLabel(r.article, locale)}</span> : null}
                              {reasonText(r, locale)}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {d.articlesCited.length > 0 && reasons.length === 0 ? (
                        <p className="mt-2 text-slate-900">{t("statusPage.articlesCited", { articles: d.articlesCited.map((a) => articleLabel(a, locale)).join(t("listSeparator")) })}</p>
                      ) : null}
                      {d.applicantMessage ? <p className="mt-2 text-slate-800">{t("statusPage.applicantMessage", { text: d.applicantMessage })}</p> : null}
                    </li>
                  );
                })}
                {appeals.map((a) => (
                  <li key={a.id} className="rounded-md border border-slate-200 p-3">
                    <p className="font-semibold text-slate-900">
                      {t("statusPage.appealDecision")} · {t(`appealDecision.${a.decision!}`)}
                    </p>
                    {a.decidedAt ? <p className="text-sm text-slate-600">{formatCstDateTime(a.decidedAt, locale)}</p> : null}
                    {a.decisionReason ? <p className="mt-2 text-slate-900">{a.decisionReason}</p> : null}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}

          <Card title={t("statusPage.timelineTitle")}>
            <ol className="relative flex flex-col gap-4 border-l-2 border-brand-200 pl-5">
              {record.statusEvents.map((e) => (
                <li key={String(e.id)} className="relative">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[27px] size-3 rounded-full border-2 border-white bg-brand-600 ring-2 ring-brand-200" />
                  <p className="font-medium text-slate-900">{t(`status.${e.toStatus}`)}</p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={e.at.toISOString()}>{formatCstDateTime(e.at, locale)}</time> · {roleLabel(e.actorRole)}
                  </p>
                  <StatusReasonLines event={e} translate={rootT} locale={locale} />
                </li>
              ))}
            </ol>
            <p className="mt-3 text-xs text-slate-500">{t("statusPage.timesInCst")}</p>
          </Card>

          <Card title={t("statusPage.notificationsTitle")}>
            <ClientMessages namespaces={["applications.statusPage"]}><NotificationsInbox
              applicationNo={no}
              items={view.notifications.map((n) => ({
                id: n.id,
                text: loose(n.templateKey, localizeNotificationParams(n.params, locale)),
                at: formatCstDateTime(n.createdAt, locale),
                unread: n.readAt === null,
              }))}
            /></ClientMessages>
          </Card>
        </div>

        <div className="flex flex-col gap-6">
          <Card title={t("precheck.title")}>
            {precheck ? (
              <div className="flex flex-col gap-3">
                <p className={precheck.eligible ? "font-medium text-green-800" : "font-medium text-amber-900"}>
                  {precheck.eligible ? t("precheck.eligibleTitle") : t("precheck.ineligibleTitle", { count: precheck.reasons.length })}
                </p>
                {precheck.reasons.map((r) => (
                  <div key={r.code} className="rounded-md bg-amber-50 p-3">
                    <p className="text-sm font-semibold text-amber-900">{articleLabel(r.article, locale)}</p>
                    <p className="text-slate-900">{explainIneligibility(r, locale)}</p>
                  </div>
                ))}
                <p className="text-sm text-slate-600">{t("precheck.disclaimerSubmitted")}</p>
              </div>
            ) : (
              <p className="text-slate-600">{t("precheck.none")}</p>
            )}
          </Card>

          <Card title={t("statusPage.householdTitle")}>
            <ul className="flex flex-col gap-2">
              {record.members.map((m) => (
                <li key={m.id}>
                  <p className="font-medium text-slate-900">
                    {t("personWithRole", { name: m.name, role: t(`relationship.${m.relationship}`) })}
                  </p>
                  <p className="text-sm text-slate-600">
                    {maskResidentId(m.residentId)} · {formatIsoDate(fromDateColumn(m.birthDate), locale)}
                  </p>
                </li>
              ))}
            </ul>
            {record.preferredUnitType ? (
              <p className="mt-3 text-sm text-slate-700">
                {t("statusPage.preferences", {
                  unitType: t(`unitType.${record.preferredUnitType}`),
                  estates: record.estatePreferences.map((p) => (locale === "en" && p.estate.nameEn ? p.estate.nameEn : p.estate.name)).join(t("listSeparator")),
                })}
              </p>
            ) : null}
          </Card>

          <Card title={t("statusPage.documentsTitle")}>
            {record.documents.length === 0 ? (
              <p className="text-slate-600">{t("statusPage.noDocuments")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {record.documents.map((d) => (
                  <li key={d.id} className="flex flex-col">
                    <span className="text-sm text-slate-600">{t(`documents.kind.${d.kind}` as never)}</span>
                    <a href={`/api/documents/${d.id}`} className="break-all text-brand-700 underline">
                      {d.fileName}
                    </a>
                    <span className="text-xs text-slate-500">{formatBytes(d.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </Container>
  );
}
