"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { extensionMatches, isAcceptedExtension, sniffDocumentType } from "@/lib/documents/file-type";

// One file upload to /api/documents (PDF, JPEG or PNG, checked here as the server checks it, for
// an answer before the upload starts). `fields` says what the file is for: an application's
// document kind, or an appeal's. Messages: applications.documents.

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

export function UploadControl({
  inputId,
  label,
  fields,
  maxBytes,
  onUploaded,
}: {
  inputId: string;
  label: string;
  fields: Record<string, string>;
  maxBytes: number;
  onUploaded: () => void;
}) {
  const t = useTranslations("applications.documents");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setError(null);
    if (file.size > maxBytes) return setError(t("errors.tooLarge"));
    if (file.size === 0) return setError(t("errors.empty"));
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const type = sniffDocumentType(head);
    if (!isAcceptedExtension(file.name) || !type || !extensionMatches(file.name, type)) return setError(t("errors.typeInvalid"));
    setBusy(true);
    try {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.set(name, value);
      body.set("file", file);
      const response = await fetch("/api/documents", { method: "POST", body });
      if (!response.ok) {
        const json = (await response.json().catch(() => ({}))) as { error?: string };
        setError(json.error ?? t("errors.failed"));
        return;
      }
      onUploaded();
    } catch {
      setError(t("errors.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        {/* The native control's own text follows the browser's language; this button speaks the page's. */}
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void upload(file);
          }}
          className="peer sr-only"
        />
        <label
          htmlFor={inputId}
          aria-hidden="true"
          className={buttonClasses("secondary", "cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:cursor-not-allowed peer-disabled:opacity-60")}
        >
          {busy ? t("uploading") : t("chooseButton")}
        </label>
      </div>
      <p id={`${inputId}-hint`} className="text-sm text-slate-600">
        {busy ? t("uploading") : t("fileHint")}
      </p>
      <div id={`${inputId}-error`} aria-live="polite">
        {error ? <p className="text-sm font-medium text-accent-600">⚠ {error}</p> : null}
      </div>
    </div>
  );
}
