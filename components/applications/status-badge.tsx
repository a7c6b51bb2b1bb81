import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/** The colour of an application status, the same on every page. */
export function applicationStatusTone(status: ApplicationStatus | string): BadgeTone {
  switch (status) {
    case "QUALIFIED":
    case "ALLOCATED":
    case "HOUSED":
    case "FIRST_REVIEW_PASSED":
    case "SECOND_REVIEW_PASSED":
      return "success";
    case "FIRST_REVIEW_REJECTED":
    case "SECOND_REVIEW_REJECTED":
    case "OBJECTION_UPHELD":
    case "REJECTED":
    case "CANCELLED":
      return "danger";
    case "DRAFT":
    case "RETURNED":
    case "APPEALED":
    case "IN_PUBLICITY":
      return "warning";
    case "WITHDRAWN":
      return "neutral";
    default:
      return "info";
  }
}

/** An application's status as a coloured pill. */
export function StatusBadge({ status, label, className }: { status: ApplicationStatus | string; label: string; className?: string }) {
  return (
    <Badge tone={applicationStatusTone(status)} className={className}>
      {label}
    </Badge>
  );
}
