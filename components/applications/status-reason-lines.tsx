import type { RulesLocale } from "@/lib/rules";
import { statusReasonText } from "@/lib/applications/status-reason-text";

/** Why a status changed: the portal's wording (citing articles) and the officer's words for the applicant. */
export function StatusReasonLines({
  event,
  translate,
  locale,
  className = "mt-1 text-slate-800",
}: {
  event: { reason: string | null; reasonKey: string | null; reasonParams: unknown };
  translate: (key: string, values?: Record<string, string | number>) => string;
  locale: RulesLocale;
  className?: string;
}) {
  const { text, worded } = statusReasonText(event, translate, locale);
  return (
    <>
      {worded ? <p className={className}>{worded}</p> : null}
      {text ? <p className={className}>{text}</p> : null}
    </>
  );
}
