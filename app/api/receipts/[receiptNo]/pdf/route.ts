import { pdfResponse, receiptPdf } from "@/lib/tenancy/pdf-http";

// GET /api/receipts/{receiptNo}/pdf: a rent receipt (Art. 28), for its tenant and the officers of its district.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ receiptNo: string }> }): Promise<Response> {
  const { receiptNo } = await params;
  return pdfResponse((actor) => receiptPdf(actor, receiptNo));
}
