import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import type { ISODate } from "@/lib/rules";
import type { Flag, HouseholdComparison, IncomeStatus } from "@/lib/shared-data/compare";
import { INCOME_TOLERANCE_MIN_FEN } from "@/lib/shared-data/compare";
import { compareHousehold } from "@/lib/shared-data/comparison-service";
import { SHARED_DATA_SOURCES } from "@/lib/shared-data/layouts";
import { formatDm2, formatFen } from "@/lib/money/format";

// <SharedDataComparison applicationId=… />: what the household declared next to what partner
// agencies' records say (Art. 17-18), per member, with mismatches flagged. For the review detail
// page and the re-check page; renders nothing for users who may not read the application.

const incomeTone: Record<IncomeStatus, string> = {
  MATCH: "bg-green-50 text-green-800",
  HIGHER_THAN_DECLARED: "bg-red-50 text-red-900",
  LOWER_THAN_DECLARED: "bg-amber-50 text-amber-900",
  NO_RECORD_CERTIFICATE_NEEDED: "bg-amber-50 text-amber-900",
  NO_RECORD: "bg-slate-100 text-slate-700",
};

function Badge({ tone, children }: { tone: string; children: React.ReactNode }) {
  return <span className={cn("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", tone)}>{children}</span>;
}

export async function SharedDataComparison({ applicationId, onDate }: { applicationId: string; onDate?: ISODate }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const t = await getTranslations("sharedData.comparison");
  const locale = await getLocale();
  let comparison: HouseholdComparison;
  try {
    comparison = await compareHousehold(user, applicationId, { onDate });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const mismatches = comparison.flags.filter((f) => f.severity === "mismatch");
  const memberName = (id: string | undefined) => comparison.members.find((m) => m.memberId === id)?.name ?? "";
  const flagText = (f: Flag) => t(`flags.${f.code}` as never, { name: memberName(f.memberId) } as never);
  const missingSources = SHARED_DATA_SOURCES.filter((s) => !comparison.availableSources.includes(s));
  const { property, employment, priority } = comparison;

  return (
    <Card title={t("title")} className="scroll-mt-4" id="shared-data-comparison">
      <p className="mb-3 text-sm text-slate-600">{t("intro", { date: comparison.onDate })}</p>
      {mismatches.length > 0 ? (
        <Alert tone="warning" title={t("mismatchTitle", { count: mismatches.length })}>
          <ul className="list-disc pl-5">
            {mismatches.map((f, i) => (
              <li key={`${f.code}-${i}`}>{flagText(f)}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success">{t("noMismatch")}</Alert>
      )}
      {comparison.flags.some((f) => f.severity === "info") ? (
        <Alert tone="info" className="mt-3" title={t("infoTitle")}>
          <ul className="list-disc pl-5">
            {comparison.flags
              .filter((f) => f.severity === "info")
              .map((f, i) => (
                <li key={`${f.code}-${i}`}>{flagText(f)}</li>
              ))}
          </ul>
        </Alert>
      ) : null}
      {missingSources.length > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("missingSources", { sources: missingSources.map((s) => t(`sources.${s}`)).join("、") })}
        </p>
      ) : null}

      <h3 className="mt-6 mb-2 font-semibold">{t("incomeTitle")}</h3>
      <p className="mb-2 text-sm text-slate-600">{t("incomeTolerance", { yuan: formatFen(INCOME_TOLERANCE_MIN_FEN, locale) })}</p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {comparison.members.map((m) => (
          <li key={m.memberId} className="grid gap-2 p-3 sm:grid-cols-[1.2fr_1fr_1fr_auto] sm:items-center">
            <div>
              <p className="font-medium">
                {m.name} <span className="text-sm font-normal text-slate-600">{t(`relationships.${m.relationship}`)}</span>
              </p>
              <p className="font-mono text-xs text-slate-600">{m.maskedResidentId}</p>
            </div>
            <p className="text-sm">
              <span className="block text-slate-600">{t("declared")}</span>
              {t("yuan", { amount: formatFen(m.declaredIncomeFen, locale) })}
            </p>
            <p className="text-sm">
              <span className="block text-slate-600">{t("recorded")}</span>
              {m.recordedIncome
                ? t("recordedIncome", {
                    amount: formatFen(m.recordedIncome.fen, locale),
                    source: t(`sources.${m.recordedIncome.source}`),
                    year: m.recordedIncome.year ?? "—",
                  })
                : t("noIncomeRecord")}
            </p>
            <div>
              <Badge tone={incomeTone[m.incomeStatus]}>{t(`income.${m.incomeStatus}`)}</Badge>
            </div>
          </li>
        ))}
      </ul>

      <h3 className="mt-6 mb-2 font-semibold">{t("employmentTitle")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("declared")}</dt>
        <dd>
          {t(`employment.${employment.declared}`)}
          {employment.declaredEmployer ? `（${employment.declaredEmployer}）` : ""}
        </dd>
        <dt className="text-slate-600">{t("result")}</dt>
        <dd>
          <Badge
            tone={
              employment.status === "CONFIRMED"
                ? "bg-green-50 text-green-800"
                : ["NO_DATA", "NOT_VERIFIABLE", "NOT_APPLICABLE", "EMPLOYER_MISMATCH"].includes(employment.status)
                  ? "bg-slate-100 text-slate-700"
                  : "bg-red-50 text-red-900"
            }
          >
            {t(`employmentStatus.${employment.status}`)}
          </Badge>
        </dd>
      </dl>
      {employment.records.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {employment.records.map((r, i) => (
            <li key={i} className="rounded-md bg-slate-50 px-3 py-1.5">
              {t("employmentRecord", {
                source: t(`sources.${r.source}`),
                employer: r.employerName ?? t("noEmployer"),
                region: r.region,
                status: t(`recordStatus.${r.status}` as never),
              })}
            </li>
          ))}
        </ul>
      ) : null}

      <h3 className="mt-6 mb-2 font-semibold">{t("propertyTitle")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("declared")}</dt>
        <dd>
          {property.declaredOwns ? t("ownsArea", { area: formatDm2(property.declaredAreaDm2, locale) }) : t("ownsNone")}
          {property.declaredTransferDate ? ` · ${t("lastTransfer", { date: property.declaredTransferDate })}` : ""}
        </dd>
        <dt className="text-slate-600">{t("recorded")}</dt>
        <dd>
          {!property.dataAvailable && property.holdings.length === 0
            ? t("noData")
            : property.holdings.length > 0
              ? t("ownsArea", { area: formatDm2(property.recordedAreaDm2, locale) })
              : t("ownsNone")}
        </dd>
      </dl>
      {property.holdings.length > 0 || property.transfers.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {property.holdings.map((h, i) => (
            <li key={`h${i}`} className="rounded-md bg-slate-50 px-3 py-1.5">
              {t("holding", { name: h.memberName, address: h.address, area: formatDm2(h.areaDm2, locale) })}
            </li>
          ))}
          {property.transfers.map((tr, i) => (
            <li key={`t${i}`} className={cn("rounded-md px-3 py-1.5", tr.isRecent ? "bg-red-50 text-red-900" : "bg-slate-50")}>
              {t(tr.isRecent ? "transferRecent" : "transfer", { name: tr.memberName, address: tr.address, date: tr.transferredOn })}
            </li>
          ))}
        </ul>
      ) : null}

      <h3 className="mt-6 mb-2 font-semibold">{t("priorityTitle")}</h3>
      {priority.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("priorityNone")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {priority.items.map((item) => (
            <li key={`${item.category}-${item.status}`} className="flex flex-wrap items-center gap-2">
              <span>{t(`categories.${item.category}`)}</span>
              <Badge
                tone={
                  item.status === "CERTIFIED"
                    ? "bg-green-50 text-green-800"
                    : item.status === "CERTIFIED_NOT_DECLARED" || item.status === "NO_DATA"
                      ? "bg-slate-100 text-slate-700"
                      : "bg-red-50 text-red-900"
                }
              >
                {t(`priorityStatus.${item.status}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
