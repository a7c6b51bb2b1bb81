import "server-only";
import type ExcelJS from "exceljs";

// What the portal's XLSX downloads share (the arrears list, the audit trail): a table sheet with a
// bold, frozen header row, and the download's headers (an ASCII file name and its Chinese name).
// A failed download answers with lib/http/error-response.ts.

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
