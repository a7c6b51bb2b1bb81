import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { APPLY_STEPS, type ApplyStep } from "@/lib/applications/schemas";

/**
 * Where the applicant is in the form: "step 2 of 6" and a bar on phones, the whole list on wider
 * screens. Saved steps are links (the form is saved at every step, so going back loses nothing).
 */
export async function ApplyStepper({ current, saved }: { current: ApplyStep; saved: readonly ApplyStep[] }) {
  const t = await getTranslations("applications.apply");
  const index = APPLY_STEPS.indexOf(current);
  const reachable = (step: ApplyStep, i: number) => saved.includes(step) || i <= index || i === 0 || saved.includes(APPLY_STEPS[i - 1]!);
  return (
    <nav aria-label={t("stepperLabel")} className="mb-6">
      <p className="text-sm font-medium text-slate-700 sm:hidden">
        {t("stepOf", { step: index + 1, total: APPLY_STEPS.length })}
      </p>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200 sm:hidden" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${((index + 1) / APPLY_STEPS.length) * 100}%` }} />
      </div>
      <ol className="hidden gap-2 sm:grid sm:grid-cols-6">
        {APPLY_STEPS.map((step, i) => {
          const isCurrent = step === current;
          const isSaved = saved.includes(step);
          const content = (
            <span className="flex flex-col gap-1">
              <span className={cn("h-1.5 rounded-full", isCurrent ? "bg-brand-700" : isSaved ? "bg-brand-300" : "bg-slate-200")} aria-hidden="true" />
              <span className={cn("text-sm", isCurrent ? "font-semibold text-brand-900" : "text-slate-700")}>
                {i + 1}. {t(`steps.${step}`)}
                {isSaved && !isCurrent ? <span className="sr-only">{t("stepSaved")}</span> : null}
              </span>
            </span>
          );
          return (
            <li key={step} aria-current={isCurrent ? "step" : undefined}>
              {!isCurrent && reachable(step, i) ? (
                <Link href={`/me/apply/${step}`} className="block rounded-sm hover:underline">
                  {content}
                </Link>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
