import "server-only";
import { randomBytes } from "node:crypto";
import type ExcelJS from "exceljs";
import { isAppError } from "@/lib/errors";
import { getServerTranslator } from "@/lib/i18n/server-translator";

// What the portal's XLSX downloads share (the arrears list, the audit trail): a table sheet with a
// bold, frozen header row; the download's headers (an ASCII file name and its Chinese name); and
// the error answer (an AppError's message in the reader's language, or a reference to the log).

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A sheet of `columns` whose header row is bold and stays in view. */
export function tableSheet(book: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return sheet;
}

/** The workbook's bytes as a download: `asciiName` for old clients, `name` (Chinese) for the others. */
export function xlsxDownload(bytes: Uint8Array, asciiName: string, name: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": XLSX_TYPE,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** The JSON error of a download that failed; an unexpected error is logged by its name only, with a reference. */
export async function downloadError(error: unknown, logTag: string): Promise<Response> {
  const t = await getServerTranslator();
  if (isAppError(error)) return json(error.status, { error: t(error.messageKey, error.values) });
  const ref = randomBytes(4).toString("hex");
  console.error(`[${logTag}] unexpected error ref=${ref}: ${error instanceof Error ? error.name : typeof error}`);
  return json(500, { error: t("errors.genericWithRef", { ref }) });
}
