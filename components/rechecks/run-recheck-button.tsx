"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { runRecheckAction } from "@/lib/rechecks/actions";
import { ConfirmPanel } from "./confirm-panel";

/** Starts this year's check of the officer's district now (idempotent: checks nobody twice). */
export function RunRecheckButton({ year, kind }: { year: number; kind: "QUALIFICATION" | "TENANCY" }) {
  const common = useTranslations("rechecks.run");
  const tenancy = useTranslations("rechecks.tenancy.run");
  // The tenancy check (Art. 42) words what differs; the buttons are shared.
  const t = (key: "open" | "question" | "done" | "confirm" | "running" | "back", values?: Record<string, number>) =>
    kind === "TENANCY" && (key === "open" || key === "question" || key === "done") ? tenancy(key, values) : common(key, values);
  const tc = useTranslations("common");
  const { state, pending, formError, formProps } = useFormAction(runRecheckAction);
  return (
    <form {...formProps} className="flex flex-col gap-3">
      <input type="hidden" name="kind" value={kind} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">{t("done", { checked: state.data.checked, flagged: state.data.flagged, year: state.data.year })}</Alert>
      ) : null}
      <ConfirmPanel
        variant="primary"
        openLabel={t("open", { year })}
        question={t("question", { year })}
        confirmLabel={t("confirm")}
        cancelLabel={t("back")}
        pending={pending}
        pendingLabel={t("running")}
      />
    </form>
  );
}
