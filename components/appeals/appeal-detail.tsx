import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { formatInstant } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import type { AppealDetail as Detail } from "@/lib/appeals/appeals";
import { DecideAppealForm } from "./decide-appeal-form";
import { RefusalSummary } from "./refusal-summary";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function AppealDetail({ appeal, saved }: { appeal: Detail; saved: boolean }) {
  const t = await getTranslations("appeals");
  const tl = loose(t);
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  const pending = appeal.status === "LODGED" || appeal.status === "UNDER_REVIEW";
  return (
    <Container className="max-w-4xl">
      <p className="mb-3">
        <Link href="/staff/appeals" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("staff.back")}
        </Link>
      </p>
      <PageHeader
        title={t("staff.detailTitle", { applicationNo: appeal.applicationNo })}
        description={
          <div className="flex flex-col gap-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={pending ? "warning" : "neutral"}>{tl(`status.${appeal.status}`)}</Badge>
              <span>{t("staff.appealed", { status: review(`status.${appeal.appealedStatus}`) })}</span>
              <span>· {t("staff.lodged", { date: formatInstant(appeal.lodgedAt, locale) })}</span>
            </p>
            <p>
              {t("staff.applicantLine", {
                name: appeal.applicantName,
                id: appeal.maskedResidentId,
                district: locale === "en" ? appeal.districtNameEn : appeal.districtName,
              })}
            </p>
          </div>
        }
        actions={
          <Link href={`/staff/review/${encodeURIComponent(appeal.applicationNo)}`} className={buttonClasses("secondary")}>
            {t("staff.viewApplication")}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        {saved ? <Alert tone="success">{t("staff.saved")}</Alert> : null}
        <Card title={t("staff.refusalTitle")}>
          <RefusalSummary refusal={appeal.refusal} />
        </Card>
        <Card title={t("staff.groundsTitle")}>
          <p className="whitespace-pre-line text-slate-900">{appeal.grounds}</p>
          <h3 className="mt-4 text-base font-semibold text-slate-900">{t("staff.documentsTitle")}</h3>
          {appeal.documents.length > 0 ? (
            <ul className="mt-2 flex flex-col gap-1">
              {appeal.documents.map((d) => (
                <li key={d.id}>
                  <span className="text-sm text-slate-600">{review(`documentKind.${d.kind}`)}</span>{" "}
                  <a href={`/api/documents/${d.id}`} className="break-all text-brand-700 underline underline-offset-2" target="_blank" rel="noopener">
                    {d.fileName}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-700">{t("staff.noDocuments")}</p>
          )}
        </Card>
        <Card title={t("staff.decideTitle")}>
          {pending && appeal.applicationStatus === "APPEALED" ? (
            <ClientMessages namespaces={["appeals.staff", "appeals.validation"]}><DecideAppealForm appealId={appeal.id} /></ClientMessages>
          ) : (
            <div className="flex flex-col gap-1 text-slate-800">
              {appeal.decision ? (
                <p className="font-medium">
                  {t("staff.decidedLine", { name: appeal.decidedByName ?? "—", at: formatInstant(appeal.decidedAt, locale), decision: tl(`decision.${appeal.decision}`) })}
                </p>
              ) : null}
              {appeal.decisionReason ? <p>{t("staff.decidedReason", { text: appeal.decisionReason })}</p> : null}
            </div>
          )}
        </Card>
      </div>
    </Container>
  );
}
