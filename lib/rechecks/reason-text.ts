import { ineligibilityTitle } from "@/lib/applications/status-reason-text";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { articleLabel, type IneligibilityCode } from "@/lib/rules";

// The reasons of a re-check as kept on its records for officers (Art. 20), in Chinese: each
// reason by its article, without figures (no incomes, no ID numbers). The applicant's timeline
// and notices word the same codes in the reader's language (statusReasons).

const t = catalogTranslator("zh-CN");

/** "家庭人均收入超过规定标准（第十三条第四项）；…" */
export function reasonTitles(codes: readonly IneligibilityCode[]): string {
  return [...new Set(codes)].map((code) => ineligibilityTitle(code, t, "zh-CN")).join("；");
}

/** The reason kept with the cancelled qualification. */
export function cancellationReason(codes: readonly IneligibilityCode[], note?: string): string {
  const base = t("rechecks.cancelReason", { article: articleLabel("20"), reasons: reasonTitles(codes) });
  return note ? `${base}${t("rechecks.cancelReasonNote", { note })}` : base;
}

export function dismissalReason(reason: string): string {
  return t("rechecks.dismissReason", { reason });
}

/** The reason kept with the tenancy ended at the annual check (Art. 42) and told to the household. */
export function tenancyEndReason(codes: readonly IneligibilityCode[], note?: string): string {
  const base = t("rechecks.tenancyEndReason", { article: articleLabel("42"), reasons: reasonTitles(codes) });
  return note ? `${base}${t("rechecks.cancelReasonNote", { note })}` : base;
}

export function tenancyKeptReason(reason: string): string {
  return t("rechecks.tenancyKeptReason", { reason });
}
