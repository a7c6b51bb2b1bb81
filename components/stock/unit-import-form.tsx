"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { importUnitsAction, previewUnitImportAction } from "@/lib/stock/actions";

type Preview = { rows: number; buildings: string[]; newBuildings: string[]; problems: Array<{ rowNo: number; column: string | null; message: string }>; moreProblems: number };

/**
 * Importing units from a file: choose it, preview (nothing is written, every row's problems are
 * listed with the column), then import exactly that file. The preview is the confirmation step.
 */
export function UnitImportForm({ estateId }: { estateId: string }) {
  const t = useTranslations("stock.import");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(kind: "preview" | "import") {
    if (!form.current) return;
    setBusy(kind);
    setError(null);
    setDone(null);
    const data = new FormData(form.current);
    const result = kind === "preview" ? await previewUnitImportAction(data) : await importUnitsAction(data);
    setBusy(null);
    if (!result.ok) {
      setError(result.formError ?? Object.values(result.fieldErrors).flat()[0] ?? null);
      if (kind === "preview") setPreview(null);
      return;
    }
    if (kind === "preview") setPreview(result.data as Preview);
    else {
      const r = result.data as { imported: number; newBuildings: number };
      setPreview(null);
      setDone(t("done", { imported: r.imported, buildings: r.newBuildings }));
      form.current.reset();
      router.refresh();
    }
  }

  return (
    <form ref={form} onSubmit={(e) => { e.preventDefault(); void run("preview"); }} className="flex flex-col gap-4" data-testid="unit-import" data-ready="">
      <input type="hidden" name="estateId" value={estateId} />
      <label className="flex flex-col gap-1">
        <span className="font-medium text-slate-900">{t("file")}</span>
        <span className="text-sm text-slate-700">{t("fileHint")}</span>
        <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required onChange={() => { setPreview(null); setDone(null); setError(null); }} className="text-sm" />
      </label>
      <div>
        <Button type="submit" variant="secondary" disabled={busy !== null}>{busy === "preview" ? t("previewing") : t("preview")}</Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {preview ? (
        <div className="flex flex-col gap-3" data-testid="import-preview">
          <p className="text-slate-800">{t("summary", { rows: preview.rows, buildings: preview.buildings.join("、") || "—" })}</p>
          {preview.newBuildings.length > 0 ? <p className="text-slate-800">{t("newBuildings", { buildings: preview.newBuildings.join("、") })}</p> : null}
          {preview.problems.length === 0 ? (
            <>
              <Alert tone="success">{t("ok", { rows: preview.rows })}</Alert>
              <div>
                <Button type="button" onClick={() => void run("import")} disabled={busy !== null}>{busy === "import" ? t("importing") : t("confirm", { rows: preview.rows })}</Button>
              </div>
            </>
          ) : (
            <div>
              <Alert tone="warning">{t("problems", { count: preview.problems.length + preview.moreProblems })}</Alert>
              <ul className="mt-2 flex flex-col gap-1 text-sm text-slate-800" data-testid="import-problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    {p.rowNo > 0 ? t("row", { row: p.rowNo }) : t("wholeFile")}
                    {p.column ? ` · ${p.column}` : ""}：{p.message}
                  </li>
                ))}
              </ul>
              {preview.moreProblems > 0 ? <p className="mt-1 text-sm text-slate-700">{t("more", { count: preview.moreProblems })}</p> : null}
            </div>
          )}
        </div>
      ) : null}
    </form>
  );
}
