// Where uploaded files live (production hardening, part 9): behind one interface, so that several
// portal servers can share them. The local disk is the default (one server, the demo); an
// S3-compatible object store is the production choice (docs/decisions/034-deployment.md).
// Keys are the portal's own (`ab/<40 hex>`), checked by each store before use.

export interface ObjectStore {
  /** Which store this is, for the health check and the logs. */
  readonly kind: "local" | "s3";
  /** Writes the bytes under `key`, replacing whole any bytes there (only key rotation rewrites a key). */
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  /** The bytes under `key`, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes `key`; a key already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** The form of every key the portal writes. */
export const OBJECT_KEY = /^[0-9a-f]{2}\/[0-9a-f]{40}$/;

export function checkKey(key: string): string {
  if (!OBJECT_KEY.test(key)) throw new Error("invalid storage key");
  return key;
}
