import { leasePdf, pdfResponse } from "@/lib/tenancy/pdf-http";

// GET /api/leases/{leaseNo}/pdf: the printable lease (Art. 26), for its tenant and the officers of its district.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ leaseNo: string }> }): Promise<Response> {
  const { leaseNo } = await params;
  return pdfResponse((actor) => leasePdf(actor, leaseNo));
}
