import { receiveIntakeApplication } from "@/lib/intake/service";

// POST /api/v1/intake/applications: applications from the 渝快办 platform (shared/docs/intake-api.md).
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return receiveIntakeApplication(request);
}
