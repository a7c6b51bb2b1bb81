import { Prisma } from "@/lib/generated/prisma/client";

/** True for a unique-constraint failure on the given field (e.g. two deliveries of one externalId racing). */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  // Prisma reports the constraint as `target` (its own engines) or, through a driver adapter, as
  // `constraint.fields` or only `constraint.index` (PostgreSQL names it "Application_externalId_key").
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } }
    | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const names = [
    ...(Array.isArray(meta?.target) ? meta.target.map(String) : meta?.target !== undefined ? [String(meta.target)] : []),
    ...(constraint?.fields ?? []),
    ...(constraint?.index ? [constraint.index] : []),
  ];
  return names.some((name) => name.includes(field));
}
