import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { cstMinute, fromDateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { formatFen } from "@/lib/money/format";
import { renderDocumentPdf, type PdfDocument } from "@/lib/pdf/document";
import { leasePdfDocument, type LeaseTerms } from "./lease-terms";
import { isLeaseNo } from "./leases";

// The printable lease (Art. 26) and rent receipts (Art. 28) as PDF, for the tenant and for the
// officers of the estate's district only.

function pdf(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `inline; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** The lease as the PDF shows it, if the actor may read it. */
export async function leasePdf(actor: Actor, leaseNo: string): Promise<{ document: PdfDocument; fileName: string } | null> {
  const scope = scopeWhere(actor, "lease:read", "Lease");
  if (scope === NOTHING || !isLeaseNo(leaseNo)) return null;
  const lease = await prisma.lease.findFirst({ where: { AND: [scope, { leaseNo }] }, select: { leaseNo: true, terms: true, signedAt: true, countersignedAt: true, countersignedBy: { select: { name: true } }, signatureWitnessedBy: { select: { name: true } } } });
  if (!lease?.terms) return null;
  return {
    document: leasePdfDocument(lease.terms as unknown as LeaseTerms, { signedAt: lease.signedAt, witnessedBy: lease.signatureWitnessedBy?.name ?? null, countersignedAt: lease.countersignedAt, countersignedBy: lease.countersignedBy?.name ?? null }),
    fileName: `${lease.leaseNo}.pdf`,
  };
}

/** A receipt as the PDF shows it: the money, and what it settled, in the order stated. */
export async function receiptPdf(actor: Actor, receiptNo: string): Promise<{ document: PdfDocument; fileName: string } | null> {
  const scope = scopeWhere(actor, "payment:read", "Lease");
  if (scope === NOTHING || !/^SJ-\d{8}-\d{6}$/.test(receiptNo)) return null;
  const receipt = await prisma.rentReceipt.findFirst({
    where: { receiptNo, lease: scope },
    select: {
      receiptNo: true, amountFen: true, method: true, paidAt: true, paidOn: true, unappliedFen: true,
      lease: { select: { leaseNo: true, application: { select: { applicantName: true } }, unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true, operatorName: true } } } } } },
      payments: { select: { amountFen: true, lateFeeId: true, bill: { select: { periodStart: true, periodEnd: true, kind: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!receipt) return null;
  const t = catalogTranslator("zh-CN", "tenancy.receipt");
  const methods = catalogTranslator("zh-CN", "tenancy.paymentMethod");
  const fen = (v: number) => formatFen(v, "zh-CN");
  return {
    fileName: `${receipt.receiptNo}.pdf`,
    document: {
      title: t("title"),
      subtitle: t("subtitle", { receiptNo: receipt.receiptNo }),
      facts: [
        { label: t("payer"), value: receipt.lease.application.applicantName ?? "—" },
        { label: t("lease"), value: receipt.lease.leaseNo },
        { label: t("premises"), value: `${receipt.lease.unit.estate.name} ${receipt.lease.unit.building.name}${receipt.lease.unit.unitNo}` },
        { label: t("amount"), value: t("yuan", { amount: fen(receipt.amountFen) }) },
        { label: t("method"), value: methods(receipt.method) },
        { label: t("paidAt"), value: cstMinute(receipt.paidAt) },
      ],
      table: {
        columns: [t("columns.period"), t("columns.item"), t("columns.amount")],
        rows: [
          ...receipt.payments.map((p) => [
            `${fromDateColumn(p.bill.periodStart)} 至 ${fromDateColumn(p.bill.periodEnd)}`,
            p.lateFeeId ? t("items.lateFee") : p.bill.kind === "TRANSITION_RENT" ? t("items.transitionRent") : t("items.rent"),
            fen(p.amountFen),
          ]),
          ...(receipt.unappliedFen > 0 ? [["—", t("items.unapplied"), fen(receipt.unappliedFen)]] : []),
        ],
        alignRight: [2],
      },
      sections: [{ heading: t("orderHeading"), paragraphs: [t("order")] }],
      signatures: [{ label: t("issuer"), value: receipt.lease.unit.estate.operatorName }],
      footer: t("footer", { receiptNo: receipt.receiptNo }),
      metadata: { author: receipt.lease.unit.estate.operatorName, subject: t("title") },
    },
  };
}

export async function pdfResponse(load: (actor: Actor) => Promise<{ document: PdfDocument; fileName: string } | null>): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const found = await load(user);
    if (!found) throw new AppError("NOT_FOUND");
    return pdf(await renderDocumentPdf(found.document), found.fileName);
  } catch (error) {
    return errorResponse(error, "tenancy-pdf");
  }
}
