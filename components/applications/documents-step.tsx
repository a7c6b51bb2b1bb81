"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink, buttonClasses } from "@/components/ui/button";
import { deleteDocumentAction } from "@/lib/applications/actions";
import { formatBytes } from "@/lib/applications/format";
import type { UploadDocumentKind } from "@/lib/applications/schemas";
import { extensionMatches, isAcceptedExtension, sniffDocumentType } from "@/lib/documents/file-type";
import { FormSection } from "./form-controls";

export interface DocumentItem {
  id: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

function UploadControl({ kind, maxBytes, onUploaded }: { kind: UploadDocumentKind; maxBytes: number; onUploaded: () => void }) {
  const t = useTranslations("applications.documents");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `upload-${kind}`;

  async function upload(file: File) {
    setError(null);
    // The same checks as the server, for an answer before the upload starts.
    if (file.size > maxBytes) return setError(t("errors.tooLarge"));
    if (file.size === 0) return setError(t("errors.empty"));
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const type = sniffDocumentType(head);
    if (!isAcceptedExtension(file.name) || !type || !extensionMatches(file.name, type)) return setError(t("errors.typeInvalid"));
    setBusy(true);
    try {
      const body = new FormData();
      body.set("kind", kind);
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
        {t("chooseFile", { kind: t(`kind.${kind}`) })}
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

/** What the step asks for (Art. 16), worked out by the server page from the schemas (they come to the browser only on first use). */
export interface DocumentRequirements {
  /** Each group is satisfied by any one of its kinds. */
  groups: UploadDocumentKind[][];
  kinds: readonly UploadDocumentKind[];
  maxBytes: number;
}

export function DocumentsStep({ documents, requirements, back, next }: { documents: DocumentItem[]; requirements: DocumentRequirements; back: string; next: string }) {
  const t = useTranslations("applications");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { groups, kinds, maxBytes } = requirements;
  const required = new Set(groups.flat());
  const optional = kinds.filter((k) => !required.has(k));
  const done = (group: readonly string[]) => group.some((k) => documents.some((d) => d.kind === k));
  const missing = groups.filter((g) => !done(g));

  function remove(id: string) {
    setError(null);
    startTransition(async () => {
      const result = await deleteDocumentAction({ documentId: id });
      if (!result.ok) setError(result.formError);
      router.refresh();
    });
  }

  function kindBlock(kind: UploadDocumentKind) {
    const files = documents.filter((d) => d.kind === kind);
    return (
      <div key={kind} className="flex flex-col gap-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
        <h3 className="font-semibold text-slate-900">
          {t(`documents.kind.${kind}`)}{" "}
          {files.length > 0 ? <span className="ml-1 text-sm font-normal text-green-800">✓ {t("documents.uploadedCount", { count: files.length })}</span> : null}
        </h3>
        <p className="-mt-2 text-sm text-slate-600">{t(`documents.kindHelp.${kind}`)}</p>
        {files.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {files.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
                <a href={`/api/documents/${f.id}`} className="min-w-0 break-all text-brand-700 underline">
                  {f.fileName}
                </a>
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  {formatBytes(f.sizeBytes)}
                  <Button variant="ghost" className="min-h-9 px-2 text-accent-600" disabled={pending} onClick={() => remove(f.id)}>
                    {t("documents.remove")}
                    <span className="sr-only">{f.fileName}</span>
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <UploadControl kind={kind} maxBytes={maxBytes} onUploaded={() => router.refresh()} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <Alert tone="info" title={t("documents.art16Title")}>
        {t("documents.art16Body")}
      </Alert>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <FormSection id="required-documents" title={t("documents.requiredTitle")}>
        {groups.map((group) =>
          group.length > 1 ? (
            <div key={group.join("-")} className="flex flex-col gap-4 rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium text-slate-800">{t("documents.eitherOf")}</p>
              {group.map((k) => kindBlock(k))}
            </div>
          ) : (
            kindBlock(group[0]!)
          ),
        )}
      </FormSection>
      {optional.length > 0 ? (
        <FormSection id="optional-documents" title={t("documents.optionalTitle")}>
          {optional.map((k) => kindBlock(k))}
        </FormSection>
      ) : null}
      {missing.length > 0 ? (
        <Alert tone="warning">
          {t("documents.missing", { kinds: missing.map((g) => g.map((k) => t(`documents.kind.${k}`)).join(t("documents.or"))).join(t("listSeparator")) })}
        </Alert>
      ) : (
        <Alert tone="success">{t("documents.complete")}</Alert>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        <ButtonLink href={back} variant="secondary" className="w-full sm:w-auto">
          {t("apply.back")}
        </ButtonLink>
        <ButtonLink href={next} className="w-full sm:w-auto">
          {t("apply.continueToReview")}
        </ButtonLink>
      </div>
    </div>
  );
}
