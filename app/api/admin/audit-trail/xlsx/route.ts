import { auditTrailXlsxResponse } from "@/lib/audit-log/export";

// GET /api/admin/audit-trail/xlsx?from=&to=: the audit trail of a period with its chain check, as XLSX (administrators).
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return auditTrailXlsxResponse(request);
}
