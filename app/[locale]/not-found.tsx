import { NotFoundContent } from "@/components/layout/status-pages";

// notFound() above the areas' layouts (a locale the proxy never rewrites to). Unknown addresses
// are (public)/[...rest], whose 404 keeps the public header. Kept without a header of its own:
// Next sends this file with every page.
export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="flex-1">
      <NotFoundContent />
    </main>
  );
}
