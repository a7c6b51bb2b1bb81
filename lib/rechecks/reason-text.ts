import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalog";
import type { IneligibilityCode } from "@/lib/rules";

// The reasons a cancelled household is told (Art. 20), in Chinese as written into the status
// history and the notice: each reason by its article, without figures (no incomes, no ID numbers).

const t = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN"), namespace: "rechecks" }) as unknown as (
  key: string,
  values?: Record<string, string>,
) => string;

/** "家庭人均收入超过标准（第十三条第四项）；…" */
export function reasonTitles(codes: readonly IneligibilityCode[]): string {
  return [...new Set(codes)].map((code) => t(`reasonTitles.${code}`)).join("；");
}

/** The reason written into the application's history and sent to the applicant. */
export function cancellationReason(codes: readonly IneligibilityCode[], note?: string): string {
  const base = t("cancelReason", { reasons: reasonTitles(codes) });
  return note ? `${base}${t("cancelReasonNote", { note })}` : base;
}

export function dismissalReason(reason: string): string {
  return t("dismissReason", { reason });
}
