import { arrearsXlsxResponse } from "@/lib/tenancy/arrears-xlsx";

// GET /api/arrears/xlsx: the arrears by age (Art. 29, 39) of the officer's district (the city's for municipal officers) as XLSX.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return arrearsXlsxResponse(request);
}
