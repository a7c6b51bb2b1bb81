import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { formatInstant, formatInstantDate } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { StatusBadge } from "@/components/applications/status-badge";
import type { AppealPage as Page } from "@/lib/appeals/appeals";
import { APPEAL_DOCUMENT_KINDS, MAX_APPEAL_DOCUMENTS } from "@/lib/appeals/evidence";
import { MAX_DOCUMENT_BYTES } from "@/lib/applications/schemas";
import { AppealEvidence } from "./appeal-evidence";
import { AppealForm } from "./appeal-form";
import { RefusalSummary } from "./refusal-summary";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The applicant's appeal page: the refusal and its reasons, the deadline, and the appeal form. */
export async function AppealPage({ page, submitted }: { page: Page; submitted: boolean }) {
  const t = await getTranslations("appeals");
  const tl = loose(t);
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  const statusLabel = review(`status.${page.status}`);
  const notified = formatInstant(page.rejectionNotifiedAt, locale);
  return (
    <Container className="max-w-3xl">
      <p className="mb-3">
        <Link href={`/me/applications/${encodeURIComponent(page.applicationNo)}`} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("applicant.back")}
        </Link>
      </p>
      <PageHeader
        title={t("applicant.title")}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>{t("applicant.subtitle", { applicationNo: page.applicationNo })}</span>
            <StatusBadge status={page.status} label={statusLabel} />
          </p>
        }
      />
      <div className="flex flex-col gap-6">
        {submitted ? <Alert tone="success">{t("applicant.submitted")}</Alert> : null}

        <Card title={t("applicant.refusalTitle")}>
          <RefusalSummary refusal={page.refusal} />
        </Card>

        {page.isAppealable || page.isLate ? (
          <Card title={t("applicant.deadlineTitle")}>
            <p className="text-xl font-semibold text-slate-900" data-testid="appeal-deadline">
              {t("applicant.deadline", { date: page.appealDueDate ?? "—" })}
            </p>
            <p className="mt-1 text-sm text-slate-700">{t("applicant.notifiedOn", { at: notified })}</p>
            <p className="mt-2 text-slate-700">{t("applicant.deadlineRule")}</p>
          </Card>
        ) : null}

        {page.isLate ? <Alert tone="error">{t("applicant.late", { notified, date: page.appealDueDate ?? "—" })}</Alert> : null}
        {!page.isAppealable && !page.isLate && !submitted ? <Alert tone="info">{t("applicant.notAppealable", { status: statusLabel })}</Alert> : null}

        {page.isAppealable && !page.isLate ? (
          <Card title={t("applicant.evidenceTitle")}>
            <ClientMessages namespaces={["appeals.applicant", "applications.documents"]}>
              <AppealEvidence
                applicationNo={page.applicationNo}
                items={page.evidence}
                kinds={APPEAL_DOCUMENT_KINDS}
                maxBytes={MAX_DOCUMENT_BYTES}
                maxCount={MAX_APPEAL_DOCUMENTS}
              />
            </ClientMessages>
          </Card>
        ) : null}

        {page.isAppealable && !page.isLate ? (
          <Card title={t("applicant.formTitle")}>
            <ClientMessages namespaces={["appeals.applicant", "appeals.validation"]}><AppealForm
              applicationNo={page.applicationNo}
              documents={page.documents.map((d) => ({ value: d.id, label: `${review(`documentKind.${d.kind}`)} · ${d.fileName}` }))}
            /></ClientMessages>
          </Card>
        ) : null}

        {page.appeals.length > 0 ? (
          <Card title={t("applicant.historyTitle")}>
            <ul className="flex flex-col gap-3">
              {page.appeals.map((a) => (
                <li key={a.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium">{t("applicant.historyLine", { date: formatInstantDate(a.lodgedAt), status: tl(`status.${a.status}`) })}</p>
                  {a.decision ? (
                    <p className="text-slate-800">{t("applicant.decisionLine", { decision: tl(`decision.${a.decision}`), date: formatInstantDate(a.decidedAt) })}</p>
                  ) : null}
                  {a.decisionReason ? <p className="text-sm text-slate-700">{t("staff.decidedReason", { text: a.decisionReason })}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </Container>
  );
}
