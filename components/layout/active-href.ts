// Apart from nav-items.ts so that the client navigation (main-nav.tsx) does not bring the
// permission table into the browser: which items a user gets is decided on the server.

/** The item the current path belongs to: the longest href that is the path or a parent of it. */
export function activeHref(items: Array<{ href: string }>, pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
