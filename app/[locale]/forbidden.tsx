import { SiteHeader } from "@/components/layout/site-header";
import { ForbiddenContent } from "@/components/layout/status-pages";

/**
 * forbidden() from an area's layout (e.g. an applicant at /staff). Next sends this file with every
 * page, so it brings no client code: the header's top bar only, without the navigation row.
 */
export default function Forbidden() {
  return (
    <>
      <SiteHeader nav={null} />
      <main id="main" tabIndex={-1} className="flex-1">
        <ForbiddenContent />
      </main>
    </>
  );
}
