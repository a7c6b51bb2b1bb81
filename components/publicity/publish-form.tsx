"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useRef } from "react";
import { TextField } from "@/components/ui/field";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { publishBatchAction } from "@/lib/publicity/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadPublishBatchSchema = () => import("@/lib/publicity/schemas").then((m) => m.publishBatchSchema);

export interface PublishRow {
  id: string;
  applicationNo: string;
  applicantName: string;
  maskedResidentId: string;
  householdSize: string;
  detail: string;
}

/** Choose the applications awaiting publicity and publish them as one batch (Art. 19). */
export function PublishForm({ districtCode, rows }: { districtCode: string; rows: PublishRow[] }) {
  const t = useTranslations("publicity.staff");
  const common = useTranslations("common");
  const listRef = useRef<HTMLDivElement>(null);
  const toggleAll = (checked: boolean) => {
    listRef.current?.querySelectorAll<HTMLInputElement>('input[name="applicationIds"]').forEach((box) => {
      box.checked = checked;
    });
  };
  return (
    <ConfirmForm
      action={publishBatchAction}
      schema={loadPublishBatchSchema}
      confirmTitle={t("publish")}
      confirmMessage={(values) => {
        const ids = values.applicationIds;
        const count = Array.isArray(ids) ? ids.length : ids ? 1 : 0;
        return t("confirmPublish", { count });
      }}
      submitLabel={t("publish")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="publish-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="districtCode" value={districtCode} />
          <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={errors.applicationIds ? "publish-ids-error" : undefined}>
            <legend className="sr-only">{t("publishTitle")}</legend>
            <label className="flex min-h-11 items-center gap-3 border-b border-slate-200 px-2 pb-2 font-medium">
              <input type="checkbox" className="size-5 accent-brand-700" onChange={(e) => toggleAll(e.currentTarget.checked)} />
              {t("selectAll")}
            </label>
            <div ref={listRef} className="flex flex-col divide-y divide-slate-100">
              {rows.map((row) => (
                <label key={row.id} className="flex min-h-11 cursor-pointer items-start gap-3 px-2 py-2 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    name="applicationIds"
                    value={row.id}
                    className="mt-1 size-5 shrink-0 accent-brand-700"
                    aria-label={t("select", { applicationNo: row.applicationNo })}
                  />
                  <span className="min-w-0">
                    <span className="font-medium text-slate-900">{row.applicationNo}</span>{" "}
                    <span className="text-slate-800">{row.applicantName}</span>{" "}
                    <span className="font-mono text-sm text-slate-600">{row.maskedResidentId}</span>
                    <span className="block text-sm text-slate-600">
                      {row.householdSize} · {row.detail}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <div id="publish-ids-error" aria-live="polite">
              {errors.applicationIds?.map((m) => (
                <p key={m} className="text-sm font-medium text-accent-600">
                  ⚠ {m}
                </p>
              ))}
            </div>
          </fieldset>
          <TextField name="title" label={t("batchTitle")} hint={t("batchTitleHint")} maxLength={100} errors={errors.title} />
        </>
      )}
    </ConfirmForm>
  );
}

/**
 * Publish every application of the district awaiting publicity as one batch (a month's thousands,
 * Art. 19): the count and the moment shown go with it, and the server refuses if they no longer hold.
 */
export function PublishAllForm({ districtCode, count, asOf }: { districtCode: string; count: number; asOf: string }) {
  const t = useTranslations("publicity.staff");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={publishBatchAction}
      schema={loadPublishBatchSchema}
      confirmTitle={t("publishAllTitle")}
      confirmMessage={() => t("confirmPublishAll", { count })}
      submitLabel={t("publishAll", { count })}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="publish-all-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="districtCode" value={districtCode} />
          <input type="hidden" name="scope" value="all" />
          <input type="hidden" name="expectedCount" value={count} />
          <input type="hidden" name="asOf" value={asOf} />
          {errors.applicationIds?.map((m) => (
            <p key={m} className="text-sm font-medium text-accent-600">
              ⚠ {m}
            </p>
          ))}
          <TextField id="publish-all-title" name="title" label={t("batchTitle")} hint={t("batchTitleHint")} maxLength={100} errors={errors.title} />
        </>
      )}
    </ConfirmForm>
  );
}
