"use client";

import { useCallback, useState } from "react";

// A form's idempotency key: a fresh one per form shown, so that the same form sent twice (a double
// click, a retried request) is recorded once by the service (a unique key per form in the database).

/** A new key: the prefix, the time and randomness, within the services' [A-Za-z0-9_-]{8,64}. */
export function newFormKey(prefix = "f"): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** The key of the form shown now, and a function to start a new form (after a success). */
export function useFormKey(prefix = "f"): [string, () => void] {
  const [key, setKey] = useState(() => newFormKey(prefix));
  const renew = useCallback(() => setKey(newFormKey(prefix)), [prefix]);
  return [key, renew];
}
