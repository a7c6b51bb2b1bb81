"use client";

import { useLocale, useTranslations } from "@/components/i18n/client-intl";
import { SOURCE_LAYOUTS, type SharedDataSourceCode } from "@/lib/shared-data/layouts";
import { formatFieldValue } from "./format";

// The first rows of a file as parsed, and row errors per column: shared by the preview (in the
// import wizard) and the batch page, which gives it the "sharedData" messages (ClientMessages).

export interface PreviewTableRow {
  rowNo: number;
  maskedResidentId: string | null;
  fields: Record<string, string | number>;
  errors: Array<{ column: string; code: string }>;
}

export function PreviewTable({ source, rows, caption }: { source: SharedDataSourceCode; rows: PreviewTableRow[]; caption: string }) {
  const t = useTranslations("sharedData");
  const locale = useLocale();
  const columns = SOURCE_LAYOUTS[source].filter((c) => c.key !== "residentId");
  const optionLabel = (code: string) => (t.has(`options.${code}` as never) ? t(`options.${code}` as never) : code);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-max text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t("preview.rowNo")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{SOURCE_LAYOUTS[source][0]!.header}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 font-semibold">
                {c.header}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-semibold">{t("preview.rowStatus")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => {
            const bad = new Set(row.errors.map((e) => e.column));
            return (
              <tr key={row.rowNo} className={row.errors.length > 0 ? "bg-red-50" : undefined}>
                <th scope="row" className="px-3 py-2 font-medium">{row.rowNo}</th>
                <td className={bad.has(SOURCE_LAYOUTS[source][0]!.header) ? "px-3 py-2 font-mono text-accent-600" : "px-3 py-2 font-mono"}>
                  {row.maskedResidentId ?? "—"}
                </td>
                {columns.map((c) => {
                  const value = row.fields[c.key];
                  const text = c.kind === "option" && typeof value === "string" ? optionLabel(value) : formatFieldValue(c, value, locale);
                  return (
                    <td key={c.key} className={bad.has(c.header) ? "px-3 py-2 text-accent-600" : "px-3 py-2"}>
                      {bad.has(c.header) ? `⚠ ${t("preview.cellError")}` : text}
                    </td>
                  );
                })}
                <td className="px-3 py-2">
                  {row.errors.length > 0 ? (
                    <span className="font-medium text-accent-600">{t("preview.rowHasErrors", { count: row.errors.length })}</span>
                  ) : (
                    <span className="text-green-800">{t("preview.rowOk")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface ErrorListRow {
  rowNo: number;
  maskedResidentId?: string | null;
  errors: Array<{ field: string; code: string; value?: string }>;
}

/** Row errors, one line per cell: "第 5 行（表格第 6 行）· 年收入(元)：金额须为…" */
export function RowErrorList({ rows }: { rows: ErrorListRow[] }) {
  const t = useTranslations("sharedData");
  const text = (code: string, column: string) =>
    t.has(`rowErrors.${code}` as never) ? t(`rowErrors.${code}` as never, { column } as never) : t("rowErrors.INVALID", { column });
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
      {rows.map((row) => (
        <li key={row.rowNo} className="px-3 py-2">
          <p className="font-medium text-slate-900">
            {t("preview.rowLabel", { rowNo: row.rowNo, line: row.rowNo + 1 })}
            {row.maskedResidentId ? <span className="ml-2 font-mono text-slate-600">{row.maskedResidentId}</span> : null}
          </p>
          <ul className="mt-1 space-y-0.5">
            {row.errors.map((e, i) => (
              <li key={`${e.field}-${i}`} className="text-accent-600 [overflow-wrap:anywhere]">
                <span aria-hidden="true">⚠ </span>
                {text(e.code, e.field)}
                {e.value ? <span className="ml-1 text-slate-600">{t("preview.cellValue", { value: e.value })}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
