import { uploadDocumentFromRequest } from "@/lib/documents/http";

// POST /api/documents: the applicant uploads a document (multipart: kind, file) to the application
// in progress. A route rather than a server action because files reach 10 MB (Art. 16).
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return uploadDocumentFromRequest(request);
}
