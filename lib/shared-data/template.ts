import ExcelJS from "exceljs";
import { SOURCE_LAYOUTS, type SharedDataSourceCode } from "./layouts";

// Downloadable templates per source: the documented headers and one example row. CSV in UTF-8
// with a byte-order mark (so that Excel opens the Chinese headers correctly); XLSX with the
// resident ID column formatted as text (a number cell would lose the last digits).

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function buildCsvTemplate(source: SharedDataSourceCode): string {
  const columns = SOURCE_LAYOUTS[source];
  const header = columns.map((c) => csvCell(c.header)).join(",");
  const example = columns.map((c) => csvCell(c.example)).join(",");
  return `\uFEFF${header}\r\n${example}\r\n`;
}

export async function buildXlsxTemplate(source: SharedDataSourceCode, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const columns = SOURCE_LAYOUTS[source];
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 2 + 4) }));
  columns.forEach((c, i) => {
    if (c.kind === "residentId" || c.kind === "text") sheet.getColumn(i + 1).numFmt = "@";
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((c) => c.example));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
