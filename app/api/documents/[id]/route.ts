import { downloadDocumentResponse } from "@/lib/documents/http";

// GET /api/documents/{id}: a document, for those who may read its application only.
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return downloadDocumentResponse(request, id);
}
