import { prisma } from "@/lib/db/client";
import { deploymentMode } from "@/lib/deployment/mode";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for the start script, tests and monitoring; `mode` says
 * whether this is the demo on the embedded database or a production portal (lib/deployment).
 */
export async function GET(): Promise<Response> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, mode: await deploymentMode() });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
