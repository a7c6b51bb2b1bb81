import "server-only";
import ExcelJS from "exceljs";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { tableSheet, xlsxDownload } from "@/lib/http/xlsx-download";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { fenAsYuanNumber } from "@/lib/money/format";
import { ARREARS_EXPORT_CAP, arrearsQueryFrom } from "./arrears-query";
import { exportArrears, type ArrearsRow } from "./arrears";

// The arrears list (Art. 29, 39) as an XLSX workbook for the officers: the same rows as the page
// with its filters, every page of them (up to ARREARS_EXPORT_CAP), Chinese headers, amounts in yuan
// as numbers with two decimals. Tenant names, never resident IDs.

/** The workbook of `rows` (headers in Chinese, the portal's first language). */
export async function arrearsWorkbook(rows: readonly ArrearsRow[], options: { today: string; truncated: boolean }): Promise<Uint8Array> {
  const t = catalogTranslator("zh-CN", "arrears");
  const statuses = catalogTranslator("zh-CN", "tenancy.leaseStatus");
  const book = new ExcelJS.Workbook();
  book.created = new Date(`${options.today}T00:00:00+08:00`);
  const money = "#,##0.00";
  const sheet = tableSheet(book, t("xlsx.sheet"), [
    { header: t("xlsx.lease"), key: "leaseNo", width: 26 },
    { header: t("xlsx.status"), key: "status", width: 10 },
    { header: t("xlsx.tenant"), key: "tenant", width: 12 },
    { header: t("xlsx.unit"), key: "unit", width: 28 },
    { header: t("xlsx.district"), key: "district", width: 10 },
    { header: t("xlsx.rent"), key: "rent", width: 14, style: { numFmt: money } },
    { header: t("xlsx.overdue"), key: "overdue", width: 18, style: { numFmt: money } },
    { header: t("xlsx.lateFees"), key: "lateFees", width: 16, style: { numFmt: money } },
    { header: t("xlsx.bills"), key: "bills", width: 10 },
    { header: t("xlsx.oldest"), key: "oldest", width: 12 },
    { header: t("xlsx.days"), key: "days", width: 10 },
    { header: t("xlsx.bucket"), key: "bucket", width: 12 },
    { header: t("xlsx.months"), key: "months", width: 10 },
    { header: t("xlsx.sixMonths"), key: "six", width: 16 },
    { header: t("xlsx.order"), key: "order", width: 24 },
  ]);
  for (const r of rows) {
    sheet.addRow({
      leaseNo: r.leaseNo,
      status: statuses(r.leaseStatus),
      tenant: r.tenantName ?? "",
      unit: r.unitLabel,
      district: r.districtCode,
      rent: fenAsYuanNumber(r.monthlyRentFen),
      overdue: fenAsYuanNumber(r.overdueFen),
      lateFees: fenAsYuanNumber(r.lateFeesFen),
      bills: r.overdueBills,
      oldest: r.oldestDueDate,
      days: r.daysOverdue,
      bucket: t(`bucket.${r.bucket}`),
      months: r.months,
      six: r.sixMonths ? t("xlsx.yes") : t("xlsx.no"),
      order: r.openOrder ? (r.openOrder.orderNo ?? t("table.orderNoNumber")) : "",
    });
  }
  if (options.truncated) sheet.addRow({ leaseNo: t("xlsx.truncated", { cap: ARREARS_EXPORT_CAP }) });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** GET /api/arrears/xlsx?q=&bucket=&six=&district=: the signed-in officer's arrears as XLSX. */
export async function arrearsXlsxResponse(request: Request): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!can(user, "lease:manage")) throw new AppError("FORBIDDEN");
    const query = arrearsQueryFrom(new URL(request.url).searchParams);
    const { today, rows, truncated } = await exportArrears(user, query);
    const bytes = await arrearsWorkbook(rows, { today, truncated });
    return xlsxDownload(bytes, `arrears-${today}.xlsx`, `欠租账龄-${today}.xlsx`);
  } catch (error) {
    return errorResponse(error, "arrears-xlsx");
  }
}
