"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitDraftAction } from "@/lib/applications/actions";
import { CheckboxField } from "./form-controls";

/** Consent and the truthfulness declaration (Art. 16), then a confirmation before the irreversible submit. */
export function SubmitForm({ blocked }: { blocked: boolean }) {
  const t = useTranslations("applications.apply.review");
  const router = useRouter();
  const [consent, setConsent] = useState(false);
  const [declaration, setDeclaration] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLDivElement>(null);

  function ask() {
    const missing: Record<string, string[]> = {};
    if (!consent) missing.consentToVerification = [t("consentRequired")];
    if (!declaration) missing.declarationTrue = [t("declarationRequired")];
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  function submit() {
    setFormError(null);
    startTransition(async () => {
      const result = await submitDraftAction({ consentToVerification: consent, declarationTrue: declaration });
      if (result.ok) {
        router.push(`/me/applications/${encodeURIComponent(result.data.applicationNo)}?submitted=1`);
        return;
      }
      setConfirming(false);
      setErrors(result.fieldErrors);
      const details = Object.entries(result.fieldErrors)
        .filter(([k]) => k !== "consentToVerification" && k !== "declarationTrue")
        .flatMap(([, v]) => v);
      setFormError([result.formError, ...details].filter(Boolean).join(" "));
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="declare-title" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="declare-title" className="text-lg font-semibold text-slate-900">
        {t("declareTitle")}
      </h2>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <CheckboxField
        id="consentToVerification"
        label={t("consentLabel")}
        description={t("consentText")}
        checked={consent}
        onChange={(v) => {
          setConsent(v);
          setConfirming(false);
        }}
        errors={errors.consentToVerification}
      />
      <CheckboxField
        id="declarationTrue"
        label={t("declarationLabel")}
        description={t("declarationText")}
        checked={declaration}
        onChange={(v) => {
          setDeclaration(v);
          setConfirming(false);
        }}
        errors={errors.declarationTrue}
      />
      {blocked ? <Alert tone="warning">{t("blocked")}</Alert> : null}
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="flex flex-col gap-3 rounded-md border-2 border-brand-600 bg-brand-50 p-4">
          <p id="confirm-title" className="font-semibold text-brand-900">
            {t("confirmTitle")}
          </p>
          <p id="confirm-body" className="text-slate-800">
            {t("confirmBody")}
          </p>
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("confirmCancel")}
            </Button>
            <Button onClick={submit} disabled={pending} aria-disabled={pending}>
              {pending ? t("submitting") : t("confirmSubmit")}
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={ask} disabled={blocked} className="w-full sm:w-auto sm:self-end">
          {t("submit")}
        </Button>
      )}
    </section>
  );
}
