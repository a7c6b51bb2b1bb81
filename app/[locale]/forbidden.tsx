import { SiteShell } from "@/components/layout/site-shell";
import { ForbiddenContent } from "@/components/layout/status-pages";

/** forbidden() from an area's layout (e.g. an applicant at /staff). */
export default function Forbidden() {
  return (
    <SiteShell>
      <ForbiddenContent />
    </SiteShell>
  );
}
