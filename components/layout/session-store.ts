import { useSyncExternalStore } from "react";
import type { HeaderSession } from "./header-session";

// The browser's copy of who is signed in, for the parts of cached pages that depend on it (the
// header, the home page's buttons). Asked of /api/session once per page load and after each
// navigation; several components asking at once share one request.

/** undefined: not known yet; null: nobody is signed in. */
type Snapshot = HeaderSession | null | undefined;

let current: Snapshot = undefined;
const listeners = new Set<() => void>();
let inflight: Promise<void> | null = null;
let again = false;

function set(next: Snapshot): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Asks the server again; a call while a request is under way asks once more after it. */
export function refreshSession(): Promise<void> {
  if (inflight) {
    again = true;
    return inflight;
  }
  inflight = fetch("/api/session", { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" } })
    .then(async (response) => {
      if (!response.ok) return;
      const body = (await response.json()) as { session?: HeaderSession | null };
      set(body.session ?? null);
    })
    .catch(() => {
      // Offline or the server is restarting: keep what is shown; the next navigation asks again.
    })
    .finally(() => {
      inflight = null;
      if (again) {
        again = false;
        void refreshSession();
      }
    });
  return inflight;
}

/** Signing out: forget the user at once rather than show them until the next answer. */
export function forgetSession(): void {
  set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user as last known (undefined before the first answer; always so on the server). */
export function useSession(): Snapshot {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
}
