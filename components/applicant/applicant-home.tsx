import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkIntakeForm } from "@/components/applicant/link-intake-form";
import { StatusBadge } from "@/components/applications/status-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { canAppealOn, isAppealableStatus } from "@/lib/applications/deadlines";
import { formatCstDate, formatIsoDate } from "@/lib/applications/format";
import type { MyApplicationSummary } from "@/lib/applications/queries";
import type { CurrentUser } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { isOpenApplicationStatus } from "@/lib/db/application-status";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function ApplicantHome({
  user,
  applications,
  unreadNotifications,
  linkableIntakeApplications = 0,
  intakeLinkLocked = false,
  allocation,
}: {
  user: CurrentUser;
  applications: MyApplicationSummary[];
  unreadNotifications: number;
  /** 渝快办 applications with this account's number, waiting for the applicant's ID to be linked. */
  linkableIntakeApplications?: number;
  /** Linking is locked after repeated wrong resident IDs, until an officer of the district lifts it. */
  intakeLinkLocked?: boolean;
  /** The lottery pools the household is in and its turn to choose (unit selection), when any. */
  allocation?: ReactNode;
}) {
  const t = await getTranslations("applicant");
  const ta = await getTranslations("applications");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const today = todayCST();
  const steps = [t("step1"), t("step2"), t("step3"), t("step4"), t("step5")];
  const inProgress = applications.find((a) => a.status === "DRAFT" || a.status === "RETURNED");
  const hasOpen = applications.some((a) => a.status !== "DRAFT" && isOpenApplicationStatus(a.status));
  const canStart = !inProgress && !hasOpen;

  return (
    <Container>
      <PageHeader
        title={t("title")}
        description={t("greeting", { name: user.name })}
        actions={canStart && applications.length > 0 ? <ButtonLink href="/me/apply">{ta("home.startNew")}</ButtonLink> : null}
      />
      {linkableIntakeApplications > 0 ? <ClientMessages namespaces={["applicant.linkIntake"]}><LinkIntakeForm count={linkableIntakeApplications} locked={intakeLinkLocked} /></ClientMessages> : null}
      {unreadNotifications > 0 ? (
        <Alert tone="info" className="mb-6">
          {ta("home.unread", { count: unreadNotifications })}
        </Alert>
      ) : null}
      {allocation}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        {applications.length === 0 ? (
          <EmptyState
            title={t("noApplicationTitle")}
            body={t("noApplicationBody")}
            action={<ButtonLink href="/me/apply">{ta("home.start")}</ButtonLink>}
          />
        ) : (
          <section aria-labelledby="my-applications">
            <h2 id="my-applications" className="mb-3 text-lg font-semibold text-slate-900">
              {ta("home.listTitle")}
            </h2>
            <ul className="flex flex-col gap-4">
              {applications.map((a, i) => {
                const editable = a.status === "DRAFT" || a.status === "RETURNED";
                const deadline = Object.entries(a.deadlines)[0] as [string, string] | undefined;
                const appealOpen = canAppealOn(
                  { status: a.status, appealDueDate: a.appealDueDate, dueDate: null, firstReviewDueDate: null, secondReviewDueDate: null, publicityEndDate: null },
                  today,
                );
                const next = isAppealableStatus(a.status) && !appealOpen
                  ? ta("nextStep.appealClosed", { date: a.appealDueDate ? formatIsoDate(a.appealDueDate, locale) : "—" })
                  : ta(`nextStep.${a.status}`, { date: deadline ? formatIsoDate(deadline[1], locale) : "—" });
                return (
                  <li key={a.applicationNo ?? `draft-${i}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <p className="font-semibold text-slate-900">{a.applicationNo ?? ta("home.draftTitle")}</p>
                      <StatusBadge status={a.status} label={ta(`status.${a.status}`)} />
                    </div>
                    <p className="mt-1 text-sm text-slate-600">
                      {a.submittedAt ? ta("home.submittedOn", { date: formatCstDate(a.submittedAt, locale) }) : ta("home.notSubmitted")}
                      {" · "}
                      {ta("home.householdSize", { count: a.householdSize })}
                      {a.source === "INTAKE_API" ? ` · ${ta("source.INTAKE_API")}` : ""}
                    </p>
                    <p className="mt-3 text-slate-800">
                      <span className="font-medium">{ta("home.nextStep")}</span>
                      {next}
                    </p>
                    <div className="mt-4 flex flex-wrap gap-3">
                      {editable ? <ButtonLink href="/me/apply">{a.status === "DRAFT" ? ta("home.continue") : ta("home.completeReturned")}</ButtonLink> : null}
                      {a.applicationNo && a.status !== "DRAFT" ? (
                        <ButtonLink href={`/me/applications/${encodeURIComponent(a.applicationNo)}`} variant={editable ? "secondary" : "primary"}>
                          {ta("home.viewStatus")}
                          <span className="sr-only">{a.applicationNo}</span>
                        </ButtonLink>
                      ) : null}
                      {appealOpen && a.applicationNo ? (
                        <Link href={`/me/applications/${encodeURIComponent(a.applicationNo)}/appeal`} className="self-center text-brand-700 underline">
                          {ta("statusPage.appealLink")}
                        </Link>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <Card title={t("stepsTitle")}>
          <ol className="space-y-3">
            {steps.map((step, i) => (
              <li key={step} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white"
                >
                  {i + 1}
                </span>
                <span className="text-slate-700">{step}</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </Container>
  );
}
