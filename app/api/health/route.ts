import { prisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the start script, tests and monitoring. */
export async function GET(): Promise<Response> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
