import { SiteShell } from "@/components/layout/site-shell";
import { NotFoundContent } from "@/components/layout/status-pages";

/** Unknown addresses ([...rest]) and notFound() above the areas' layouts. */
export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundContent />
    </SiteShell>
  );
}
