"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormKey } from "@/components/ui/form-key";
import { useTranslations } from "@/components/i18n/client-intl";
import { buttonClasses } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { extensionMatches, sniffDocumentType } from "@/lib/documents/file-type";
import { formatBytes } from "@/lib/documents/format";
import { assignRepairAction, cancelRepairAction, completeRepairAction, confirmRepairAction, removeRepairPhotoAction, startRepairAction, submitRepairAction } from "@/lib/repairs/actions";

// The forms of repair requests (Art. 35). Each asks for confirmation before it posts.

const loadSubmit = () => import("@/lib/repairs/schemas").then((m) => m.submitRepairSchema);
const loadAssign = () => import("@/lib/repairs/schemas").then((m) => m.assignRepairSchema);
const loadComplete = () => import("@/lib/repairs/schemas").then((m) => m.completeRepairSchema);
const loadCancel = () => import("@/lib/repairs/schemas").then((m) => m.cancelRepairSchema);

const CATEGORIES = ["UNIT_FIXTURE", "UNIT_STRUCTURE", "COMMON_PARTS", "CONSUMABLE"] as const;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

type Photo = { id: string; fileName: string; sizeBytes: number };

/** Photos for the request being written: uploaded at once, shown, removable; filed with the request. */
function RepairPhotos({ photos, setPhotos, max }: { photos: Photo[]; setPhotos: (p: Photo[]) => void; max: number }) {
  const t = useTranslations("repairs.form");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setError(null);
    if (file.size > MAX_PHOTO_BYTES) return setError(t("photoTooLarge"));
    const type = sniffDocumentType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (!type || type === "application/pdf" || !extensionMatches(file.name, type)) return setError(t("photoType"));
    setBusy(true);
    try {
      const body = new FormData();
      body.set("purpose", "repair");
      body.set("file", file);
      const response = await fetch("/api/documents", { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { error?: string; document?: Photo };
      if (!response.ok || !json.document) return setError(json.error ?? t("photoFailed"));
      setPhotos([...photos, json.document]);
    } catch {
      setError(t("photoFailed"));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    const result = await removeRepairPhotoAction({ documentId: id });
    if (result.ok) setPhotos(photos.filter((p) => p.id !== id));
  }

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p className="text-sm font-medium text-slate-800">{t("photos", { max })}</p>
      {photos.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="pending-photos">
          {photos.map((p) => (
            <li key={p.id} className="flex min-w-0 flex-col gap-1 rounded-md border border-slate-200 p-2">
              <img src={`/api/documents/${p.id}`} alt={p.fileName} className="aspect-square w-full rounded object-cover" />
              <span className="truncate text-xs text-slate-600">{p.fileName} · {formatBytes(p.sizeBytes)}</span>
              <button type="button" onClick={() => void remove(p.id)} className="self-start text-sm text-brand-700 underline">{t("removePhoto")}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {photos.length < max ? (
        <div>
          <input
            id="repair-photo"
            type="file"
            accept=".jpg,.jpeg,.png,image/jpeg,image/png"
            disabled={busy}
            aria-describedby="repair-photo-hint"
            aria-label={t("addPhoto")}
            className="peer sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void upload(file);
            }}
          />
          <label htmlFor="repair-photo" aria-hidden="true" className={buttonClasses("secondary", "cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:opacity-60")}>
            {busy ? t("uploading") : t("addPhoto")}
          </label>
        </div>
      ) : null}
      <p id="repair-photo-hint" className="text-sm text-slate-600">{t("photoHint")}</p>
      <div aria-live="polite">{error ? <p className="text-sm font-medium text-accent-600">⚠ {error}</p> : null}</div>
    </div>
  );
}

export function NewRepair({ pendingPhotos, maxPhotos }: { pendingPhotos: Photo[]; maxPhotos: number }) {
  const t = useTranslations("repairs.form");
  const categories = useTranslations("repairs.category");
  const urgencies = useTranslations("repairs.urgency");
  const common = useTranslations("common");
  const router = useRouter();
  const [formKey] = useFormKey("r");
  const [photos, setPhotos] = useState<Photo[]>(pendingPhotos);
  return (
    <ConfirmForm
      action={submitRepairAction}
      schema={loadSubmit}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { category: typeof v.category === "string" && (CATEGORIES as readonly string[]).includes(v.category) ? categories(v.category as (typeof CATEGORIES)[number]) : "" })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/me/repairs/${(data as { requestNo: string }).requestNo}?filed=1`)}
      testId="new-repair"
    >
      {(errors) => (
        <div className="flex min-w-0 flex-col gap-4">
          <input type="hidden" name="formKey" value={formKey} />
          <SelectField
            id="repair-category"
            name="category"
            label={t("category")}
            hint={t("categoryHint")}
            placeholder={t("choose")}
            defaultValue=""
            options={CATEGORIES.map((c) => ({ value: c, label: categories(c) }))}
            required
            requiredLabel={common("required")}
            errors={errors.category}
          />
          <SelectField id="repair-urgency" name="urgency" label={t("urgency")} defaultValue="NORMAL" options={(["NORMAL", "EMERGENCY"] as const).map((u) => ({ value: u, label: urgencies(u) }))} errors={errors.urgency} />
          <TextAreaField id="repair-description" name="description" label={t("description")} hint={t("descriptionHint")} maxLength={500} required requiredLabel={common("required")} errors={errors.description} />
          <TextField id="repair-visit" name="preferredVisit" label={t("preferredVisit")} hint={t("preferredVisitHint")} maxLength={100} errors={errors.preferredVisit} />
          {/* Uploaded on choosing (the file input has no name, so the form never posts a file); filed with the request. */}
          <RepairPhotos photos={photos} setPhotos={setPhotos} max={maxPhotos} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function ConfirmRepair({ requestId, requestNo }: { requestId: string; requestNo: string }) {
  const t = useTranslations("repairs.detail");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={confirmRepairAction}
      confirmTitle={t("confirmTitle")}
      confirmMessage={() => t("confirmMessage", { requestNo })}
      submitLabel={t("confirmSubmit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("back2")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="confirm-repair"
    >
      {() => <input type="hidden" name="requestId" value={requestId} />}
    </ConfirmForm>
  );
}

export function CancelRepair({ requestId, requestNo }: { requestId: string; requestNo: string }) {
  const t = useTranslations("repairs.detail");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={cancelRepairAction}
      schema={loadCancel}
      confirmTitle={t("cancelTitle")}
      confirmMessage={() => t("cancelMessage", { requestNo })}
      submitLabel={t("cancelSubmit")}
      confirmLabel={t("cancelButton")}
      cancelLabel={t("back2")}
      pendingLabel={common("submitting")}
      submitVariant="secondary"
      onSuccess={() => router.refresh()}
      testId="cancel-repair"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <TextField id="cancel-reason" name="reason" label={t("cancelReason")} maxLength={200} errors={errors.reason} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function AssignRepair({ requestId, requestNo, reassign }: { requestId: string; requestNo: string; reassign: boolean }) {
  const t = useTranslations("repairs.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={assignRepairAction}
      schema={loadAssign}
      confirmTitle={t("assign.confirmTitle")}
      confirmMessage={(v) => t("assign.confirm", { requestNo, assignee: String(v.assignee ?? "") })}
      submitLabel={reassign ? t("assign.reassignTitle") : t("assign.submit")}
      confirmLabel={t("assign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      submitVariant={reassign ? "secondary" : "primary"}
      onSuccess={() => router.refresh()}
      testId="assign-repair"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <TextField id="assign-assignee" name="assignee" label={t("assign.assignee")} hint={t("assign.assigneeHint")} maxLength={60} required requiredLabel={common("required")} errors={errors.assignee} />
          <TextAreaField id="assign-note" name="internalNote" label={t("assign.internalNote")} rows={2} maxLength={500} errors={errors.internalNote} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function StartRepair({ requestId, requestNo }: { requestId: string; requestNo: string }) {
  const t = useTranslations("repairs.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={startRepairAction}
      confirmTitle={t("start.confirmTitle")}
      confirmMessage={() => t("start.confirm", { requestNo })}
      submitLabel={t("start.submit")}
      confirmLabel={t("start.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      submitVariant="secondary"
      onSuccess={() => router.refresh()}
      testId="start-repair"
    >
      {() => <input type="hidden" name="requestId" value={requestId} />}
    </ConfirmForm>
  );
}

export function CompleteRepair({ requestId, requestNo }: { requestId: string; requestNo: string }) {
  const t = useTranslations("repairs.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={completeRepairAction}
      schema={loadComplete}
      confirmTitle={t("complete.confirmTitle")}
      confirmMessage={() => t("complete.confirm", { requestNo })}
      submitLabel={t("complete.submit")}
      confirmLabel={t("complete.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="complete-repair"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <TextAreaField id="complete-resolution" name="resolution" label={t("complete.resolution")} hint={t("complete.resolutionHint")} rows={3} maxLength={500} required requiredLabel={common("required")} errors={errors.resolution} />
          <TextAreaField id="complete-note" name="internalNote" label={t("complete.internalNote")} rows={2} maxLength={500} errors={errors.internalNote} />
        </div>
      )}
    </ConfirmForm>
  );
}
