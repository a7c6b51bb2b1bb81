import { notFound } from "next/navigation";

// An address no page answers: the 404 page inside the language's layout. Rendered per request,
// so that made-up addresses leave nothing in the cache.
export const dynamic = "force-dynamic";

export default function UnknownPage(): never {
  notFound();
}
