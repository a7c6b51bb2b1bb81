"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { DocumentRow } from "@/components/documents/document-row";
import { UploadControl } from "@/components/documents/upload-control";
import { Alert } from "@/components/ui/alert";
import { deleteAppealDocumentAction } from "@/lib/appeals/actions";

export interface EvidenceItem {
  id: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * The documents an applicant hands in with an appeal (Art. 19): a statement and evidence, uploaded
 * before the appeal is lodged and sent with it. `kinds` and the limits come from the server page.
 */
export function AppealEvidence({
  applicationNo,
  items,
  kinds,
  maxBytes,
  maxCount,
}: {
  applicationNo: string;
  items: EvidenceItem[];
  kinds: readonly string[];
  maxBytes: number;
  maxCount: number;
}) {
  const t = useTranslations("appeals.applicant");
  const router = useRouter();
  const [kind, setKind] = useState(kinds[0] ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove(id: string) {
    setError(null);
    startTransition(async () => {
      const result = await deleteAppealDocumentAction({ documentId: id });
      if (!result.ok) setError(result.formError);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4" data-testid="appeal-evidence">
      <p className="text-slate-700">{t("evidenceIntro", { max: maxCount })}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {items.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {items.map((d) => (
            <DocumentRow
              key={d.id}
              id={d.id}
              fileName={d.fileName}
              sizeBytes={d.sizeBytes}
              label={t(`evidenceKind.${d.kind as "OTHER"}`)}
              removeLabel={t("evidenceRemove")}
              disabled={pending}
              onRemove={remove}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("evidenceNone")}</p>
      )}
      {items.length < maxCount ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
            {t("evidenceKindLabel")}
            <select value={kind} onChange={(e) => setKind(e.target.value)} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 text-base">
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`evidenceKind.${k as "OTHER"}`)}
                </option>
              ))}
            </select>
          </label>
          <UploadControl
            inputId="appeal-evidence-file"
            label={t("evidenceFile")}
            fields={{ purpose: "appeal", applicationNo, kind }}
            maxBytes={maxBytes}
            onUploaded={() => router.refresh()}
          />
        </div>
      ) : (
        <Alert tone="info">{t("evidenceFull", { max: maxCount })}</Alert>
      )}
    </div>
  );
}
