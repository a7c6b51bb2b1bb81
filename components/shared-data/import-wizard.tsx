"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "@/components/i18n/client-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { confirmImportAction, previewUploadAction, startUploadAction, uploadChunkAction } from "@/lib/shared-data/actions";
import type { ImportPreview } from "@/lib/shared-data/import-service";
import { SHARED_DATA_SOURCES, type SharedDataSourceCode } from "@/lib/shared-data/layouts";
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from "@/lib/shared-data/upload-limits";
import { PreviewTable, RowErrorList } from "./preview-table";
import { formatBytes } from "@/lib/documents/format";

type Stage =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "checking" }
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "confirming"; preview: ImportPreview };

type FieldErrors = Partial<Record<"source" | "file" | "asOfDate", string[]>>;

/**
 * Upload → preview → confirm (Art. 17-18). The file goes up in chunks (server actions take at most
 * 1 MB a request), is checked row by row on the server, and only a confirmed preview is imported.
 */
export function ImportWizard({ defaultSource }: { defaultSource?: SharedDataSourceCode }) {
  const t = useTranslations("sharedData");
  const tc = useTranslations("common");
  const router = useRouter();
  const format = useFormatter();
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [asOfDate, setAsOfDate] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const fileId = useId();
  const busy = stage.kind === "uploading" || stage.kind === "checking" || stage.kind === "confirming";

  function reset() {
    setStage({ kind: "idle" });
    setFormError(null);
    formRef.current?.reset();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const data = new FormData(event.currentTarget);
    const source = String(data.get("source") ?? "");
    const file = data.get("file");
    const errors: FieldErrors = {};
    if (!(SHARED_DATA_SOURCES as readonly string[]).includes(source)) errors.source = [t("validation.sourceRequired")];
    if (!(file instanceof File) || file.size === 0 || file.name === "") {
      errors.file = [file instanceof File && file.name !== "" ? t("validation.fileEmpty") : t("validation.fileRequired")];
    } else if (file.size > MAX_FILE_BYTES) {
      errors.file = [t("validation.fileTooLarge")];
    } else if (!ACCEPTED_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      errors.file = [t("validation.fileType")];
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !(file instanceof File)) return;
    setAsOfDate(String(data.get("asOfDate") ?? ""));

    setStage({ kind: "uploading", percent: 0 });
    const started = await startUploadAction({ source, fileName: file.name, size: file.size });
    if (!started.ok) {
      setStage({ kind: "idle" });
      setFieldErrors({ source: started.fieldErrors.source, file: started.fieldErrors.fileName ?? started.fieldErrors.size });
      setFormError(started.formError);
      return;
    }
    const { uploadId, chunkBytes } = started.data;
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const body = new FormData();
      body.set("uploadId", uploadId);
      body.set("offset", String(offset));
      body.set("chunk", file.slice(offset, offset + chunkBytes), "chunk");
      let sent = false;
      for (let attempt = 0; attempt < 3 && !sent; attempt++) {
        try {
          const result = await uploadChunkAction(body);
          if (!result.ok) {
            setStage({ kind: "idle" });
            setFormError(result.formError ?? t("errors.uploadFailed"));
            return;
          }
          sent = true;
        } catch {
          // A dropped connection: send the same chunk again (the server writes it at its offset).
        }
      }
      if (!sent) {
        setStage({ kind: "idle" });
        setFormError(t("errors.uploadFailed"));
        return;
      }
      setStage({ kind: "uploading", percent: Math.min(100, Math.round(((offset + chunkBytes) / file.size) * 100)) });
    }
    setStage({ kind: "checking" });
    const preview = await previewUploadAction({ uploadId });
    if (!preview.ok) {
      setStage({ kind: "idle" });
      setFormError(preview.formError);
      return;
    }
    setStage({ kind: "preview", preview: preview.data });
  }

  async function onConfirm(preview: ImportPreview) {
    setFormError(null);
    setStage({ kind: "confirming", preview });
    const result = await confirmImportAction({ uploadId: preview.uploadId, asOfDate });
    if (!result.ok) {
      setStage({ kind: "preview", preview });
      setFormError(result.formError ?? Object.values(result.fieldErrors).flat()[0] ?? null);
      return;
    }
    router.push(`/staff/shared-data/batches/${result.data.batchId}`);
  }

  const preview = stage.kind === "preview" || stage.kind === "confirming" ? stage.preview : null;

  return (
    <div className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {!preview ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-busy={busy}>
          <SelectField
            name="source"
            label={t("upload.source")}
            placeholder={t("upload.sourcePlaceholder")}
            options={SHARED_DATA_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
            defaultValue={defaultSource ?? ""}
            required
            requiredLabel={tc("required")}
            errors={fieldErrors.source}
            disabled={busy}
          />
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fileId} className="text-base font-medium text-slate-900">
              {t("upload.file")}
              <span className="ml-1 text-sm font-normal text-slate-600">{tc("required")}</span>
            </label>
            <p id={`${fileId}-hint`} className="-mt-0.5 text-sm text-slate-600">
              {t("upload.fileHint")}
            </p>
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              disabled={busy}
              aria-describedby={`${fileId}-hint${fieldErrors.file?.length ? ` ${fileId}-error` : ""}`}
              aria-invalid={fieldErrors.file?.length ? true : undefined}
              className={`block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-brand-800 ${fieldErrors.file?.length ? "border-accent-600" : "border-slate-400"}`}
            />
            <div id={`${fileId}-error`} aria-live="polite">
              {fieldErrors.file?.map((m) => (
                <p key={m} className="flex items-start gap-1 text-sm font-medium text-accent-600">
                  <span aria-hidden="true">⚠</span>
                  {m}
                </p>
              ))}
            </div>
          </div>
          <TextField
            name="asOfDate"
            type="date"
            label={t("upload.asOfDate")}
            hint={t("upload.asOfDateHint")}
            errors={fieldErrors.asOfDate}
            disabled={busy}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={busy} aria-disabled={busy}>
              {stage.kind === "uploading"
                ? t("upload.uploading", { percent: stage.percent })
                : stage.kind === "checking"
                  ? t("upload.checking")
                  : t("upload.submit")}
            </Button>
          </div>
          {stage.kind === "uploading" ? (
            <progress className="h-2 w-full" max={100} value={stage.percent} aria-label={t("upload.progressLabel")}>
              {stage.percent}%
            </progress>
          ) : null}
        </form>
      ) : (
        <section aria-labelledby="preview-title" className="flex flex-col gap-4">
          <h3 id="preview-title" className="text-lg font-semibold">
            {t("preview.title", { fileName: preview.fileName })}
          </h3>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t("preview.source")} value={t(`sources.${preview.source}`)} />
            <Stat label={t("preview.totalRows")} value={format.number(preview.totalRows)} />
            <Stat label={t("preview.validRows")} value={format.number(preview.validRows)} tone="good" />
            <Stat label={t("preview.errorRows")} value={format.number(preview.errorRows)} tone={preview.errorRows > 0 ? "bad" : undefined} />
          </dl>
          <p className="text-sm text-slate-600">
            {t("preview.fileInfo", {
              kind: preview.kind ? preview.kind.toUpperCase() : "—",
              encoding: preview.encoding ? preview.encoding.toUpperCase() : "—",
              size: formatBytes(preview.sizeBytes),
              empty: preview.emptyRows,
            })}
          </p>

          {preview.refusal ? (
            <Alert tone="error" title={t("preview.refusedTitle")}>
              <p>
                {t(`refusal.${preview.refusal.code}`, {
                  columns: preview.missingColumns.join("、"),
                  line: preview.refusal.line ?? "?",
                })}
              </p>
              <p className="mt-1">{t("preview.refusedHint")}</p>
            </Alert>
          ) : preview.duplicateBatch ? (
            <Alert tone="warning" title={t("preview.duplicateTitle")}>
              <p>{t("preview.duplicateBody", { date: format.dateTime(new Date(preview.duplicateBatch.importedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
              <Link className="mt-1 inline-block font-medium underline" href={`/staff/shared-data/batches/${preview.duplicateBatch.id}`}>
                {t("preview.duplicateLink")}
              </Link>
            </Alert>
          ) : preview.errorRows > 0 ? (
            <Alert tone="warning" title={t("preview.errorsTitle", { count: preview.errorRows })}>
              {t("preview.errorsBody")}
            </Alert>
          ) : (
            <Alert tone="success">{t("preview.allValid")}</Alert>
          )}
          {preview.unknownColumns.length > 0 || preview.duplicateColumns.length > 0 ? (
            <Alert tone="info">
              {preview.unknownColumns.length > 0 ? <p>{t("preview.unknownColumns", { columns: preview.unknownColumns.join("、") })}</p> : null}
              {preview.duplicateColumns.length > 0 ? <p>{t("preview.duplicateColumns", { columns: preview.duplicateColumns.join("、") })}</p> : null}
            </Alert>
          ) : null}

          {preview.sampleRows.length > 0 ? (
            <div>
              <h4 className="mb-2 font-semibold">{t("preview.sampleTitle", { count: preview.sampleRows.length })}</h4>
              <PreviewTable source={preview.source} rows={preview.sampleRows} caption={t("preview.sampleTitle", { count: preview.sampleRows.length })} />
            </div>
          ) : null}
          {preview.errorSample.length > 0 ? (
            <div>
              <h4 className="mb-2 font-semibold">
                {t("preview.errorListTitle", { shown: preview.errorSample.length, total: preview.errorRows })}
              </h4>
              <RowErrorList rows={preview.errorSample.map((r) => ({ rowNo: r.rowNo, errors: r.errors.map((e) => ({ field: e.column, code: e.code, value: e.value })) }))} />
            </div>
          ) : null}

          <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
            {!preview.refusal && !preview.duplicateBatch ? (
              <Button onClick={() => void onConfirm(preview)} disabled={stage.kind === "confirming"} aria-disabled={stage.kind === "confirming"}>
                {stage.kind === "confirming"
                  ? tc("submitting")
                  : preview.errorRows > 0
                    ? t("preview.confirmWithErrors", { valid: preview.validRows, errors: preview.errorRows })
                    : t("preview.confirm", { valid: preview.validRows })}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={reset} disabled={stage.kind === "confirming"}>
              {t("preview.chooseAnother")}
            </Button>
          </div>
          {!preview.refusal && !preview.duplicateBatch ? <p className="text-sm text-slate-600">{t("preview.confirmHint")}</p> : null}
        </section>
      )}
    </div>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: "good" | "bad" }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={tone === "bad" ? "text-xl font-semibold text-accent-600" : tone === "good" ? "text-xl font-semibold text-green-800" : "text-xl font-semibold"}>
        {value}
      </dd>
    </div>
  );
}

