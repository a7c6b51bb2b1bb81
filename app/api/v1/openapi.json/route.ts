import { intakeOpenApiDocument } from "@/lib/intake/openapi";

// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the intake API and the estates list.
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(intakeOpenApiDocument());
}
