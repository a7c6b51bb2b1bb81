"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { importCollectionFileAction, resolveCollectionLineAction } from "@/lib/tenancy/collection-actions";

// The forms of bank collection files (Art. 28-29): the import and the resolution of an unmatched
// line. Each asks for confirmation before it posts.

const loadUpload = () => import("@/lib/tenancy/schemas").then((m) => m.collectionUploadSchema);
const loadResolve = () => import("@/lib/tenancy/schemas").then((m) => m.resolveCollectionLineSchema);

export function UploadCollection({ today, banks }: { today: string; banks: Array<{ value: string; label: string }> }) {
  const t = useTranslations("collections.upload");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={importCollectionFileAction}
      schema={loadUpload}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { file: v.file instanceof File ? v.file.name : "", bank: banks.find((b) => b.value === v.bankCode)?.label ?? "" })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => {
        const { fileId, created } = data as { fileId: string; created: boolean };
        router.push(`/staff/collections/${fileId}?${created ? "imported" : "already"}=1`);
      }}
      testId="collection-upload"
    >
      {(errors) => (
        <div className="grid min-w-0 gap-3 sm:grid-cols-2">
          <SelectField id="collection-bank" name="bankCode" label={t("bank")} defaultValue={banks[0]?.value} options={banks} required requiredLabel={common("required")} errors={errors.bankCode} />
          <TextField id="collection-date" name="collectionDate" type="date" defaultValue={today} max={today} label={t("date")} required requiredLabel={common("required")} errors={errors.collectionDate} />
          <div className="flex min-w-0 flex-col gap-1 sm:col-span-2">
            <label htmlFor="collection-file" className="font-medium text-slate-900">{t("file")}</label>
            <p id="collection-file-hint" className="text-sm text-slate-700">{t("fileHint")}</p>
            <input
              id="collection-file"
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={errors.file ? "collection-file-hint collection-file-error" : "collection-file-hint"}
              aria-invalid={errors.file ? true : undefined}
              className="max-w-full text-sm"
            />
            {errors.file ? <p id="collection-file-error" className="text-sm text-red-700">{errors.file.join(" ")}</p> : null}
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}

export function ResolveLine({ lineId, lineNo, canMatch, resolutions }: { lineId: string; lineNo: number; canMatch: boolean; resolutions: Array<{ value: string; label: string }> }) {
  const t = useTranslations("collections.resolve");
  const common = useTranslations("common");
  const router = useRouter();
  const options = canMatch ? resolutions : resolutions.filter((r) => r.value === "RETURNED_TO_BANK");
  return (
    <ConfirmForm
      action={resolveCollectionLineAction}
      schema={loadResolve}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => (v.resolution === "MATCHED_TO_LEASE" ? t("confirmMatch", { row: lineNo, leaseNo: String(v.leaseNo ?? "").toUpperCase() }) : t("confirmReturn", { row: lineNo }))}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      className="flex min-w-0 flex-col gap-3"
      testId={`resolve-${lineNo}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="lineId" value={lineId} />
          <div className="grid min-w-0 gap-3 sm:grid-cols-2">
            <SelectField id={`how-${lineNo}`} name="resolution" label={t("how")} defaultValue={options[0]?.value} options={options} required requiredLabel={common("required")} errors={errors.resolution} />
            {canMatch ? <TextField id={`lease-${lineNo}`} name="leaseNo" label={t("leaseNo")} hint={t("leaseNoHint")} placeholder="ZL-" errors={errors.leaseNo} /> : null}
          </div>
          <TextAreaField id={`note-${lineNo}`} name="note" label={t("note")} rows={2} required requiredLabel={common("required")} errors={errors.note} />
        </>
      )}
    </ConfirmForm>
  );
}
