"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { buttonClasses } from "@/components/ui/button";
import { extensionMatches, sniffDocumentType } from "@/lib/documents/file-type";

// Adds a file to a violation's evidence (Art. 31): checked in the browser as the server checks it
// (PDF, JPEG or PNG by content and name, at most 10 MB), uploaded at once, then the page refreshes.

const MAX_BYTES = 10 * 1024 * 1024;

export function EvidenceUpload({ violationId }: { violationId: string }) {
  const t = useTranslations("leaving.evidenceFiles");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `evidence-${violationId}`;

  async function upload(file: File) {
    setError(null);
    if (file.size > MAX_BYTES) return setError(t("tooLarge"));
    const type = sniffDocumentType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (!type || !extensionMatches(file.name, type)) return setError(t("type"));
    setBusy(true);
    try {
      const body = new FormData();
      body.set("purpose", "violation");
      body.set("violationId", violationId);
      body.set("file", file);
      const response = await fetch("/api/documents", { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) return setError(json.error ?? t("failed"));
      router.refresh();
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <input
        id={inputId}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        disabled={busy}
        aria-label={t("add")}
        aria-describedby={`${inputId}-hint`}
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload(file);
        }}
      />
      <label htmlFor={inputId} aria-hidden="true" className={buttonClasses("secondary", "cursor-pointer self-start peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 peer-disabled:opacity-60")}>
        {busy ? t("uploading") : t("add")}
      </label>
      <p id={`${inputId}-hint`} className="text-sm text-slate-600">{t("hint")}</p>
      <div aria-live="polite">{error ? <p className="text-sm font-medium text-accent-600">⚠ {error}</p> : null}</div>
    </div>
  );
}
