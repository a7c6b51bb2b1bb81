import type { ImportStatus } from "@/lib/generated/prisma/enums";

const tones: Record<ImportStatus, string> = {
  PROCESSING: "bg-amber-50 text-amber-900",
  COMPLETED: "bg-green-50 text-green-800",
  FAILED: "bg-red-50 text-red-900",
};

export function BatchStatusBadge({ status, label }: { status: ImportStatus; label: string }) {
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium ${tones[status]}`}>{label}</span>;
}
