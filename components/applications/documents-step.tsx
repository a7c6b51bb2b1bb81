"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { deleteDocumentAction } from "@/lib/applications/actions";
import type { UploadDocumentKind } from "@/lib/applications/schemas";
import { DocumentRow } from "@/components/documents/document-row";
import { UploadControl } from "@/components/documents/upload-control";
import { FormSection } from "./form-controls";

export interface DocumentItem {
  id: string;
  kind: string;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
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
              <DocumentRow key={f.id} id={f.id} fileName={f.fileName} sizeBytes={f.sizeBytes} removeLabel={t("documents.remove")} disabled={pending} onRemove={remove} />
            ))}
          </ul>
        ) : null}
        <UploadControl
          inputId={`upload-${kind}`}
          label={t("documents.chooseFile", { kind: t(`documents.kind.${kind}`) })}
          fields={{ kind }}
          maxBytes={maxBytes}
          onUploaded={() => router.refresh()}
        />
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
