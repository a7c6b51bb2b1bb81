import { intakeApplicationStatus } from "@/lib/intake/service";

// GET /api/v1/intake/applications/{applicationNo}: status, history and the current deadline.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ applicationNo: string }> }): Promise<Response> {
  const { applicationNo } = await context.params;
  return intakeApplicationStatus(request, applicationNo);
}
