// What the upload form checks before a file goes out; the server checks again (./schemas). No zod
// here, so the form loads it with the page (docs/decisions/009-client-bundles.md).

/** Largest file accepted (Art. 17-18 files of 50,000 rows are about 5 MB as CSV). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Bytes per upload request: server actions accept at most 1 MB a request. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".xlsx", ".txt"] as const;
