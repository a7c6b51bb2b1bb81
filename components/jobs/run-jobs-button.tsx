"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { runJobsNowAction } from "@/lib/jobs/actions";

/** "Run scheduled jobs now" for municipal officers and administrators (permission jobs:run). */
export function RunJobsButton() {
  const t = useTranslations("review.jobs");
  const { state, pending, formError, formProps } = useFormAction(runJobsNowAction);
  return (
    <form {...formProps} className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone={state.data.ran ? "success" : "warning"}>
          {state.data.ran ? t("done") : t("busy")}
          {state.data.ran ? (
            <ul className="mt-1 text-sm">
              {state.data.results.map((r) => (
                <li key={r.name}>
                  <code>{r.name}</code>: {r.result}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("running")} variant="secondary">
          {t("run")}
        </SubmitButton>
      </div>
    </form>
  );
}
