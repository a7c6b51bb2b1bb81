// What an uploaded file really is, from its first bytes (magic numbers), not from its name or the
// type the browser claims. Only PDF, JPEG and PNG are accepted for application documents (Art. 16).
// Pure: safe in the browser too.

export type DocumentMimeType = "application/pdf" | "image/jpeg" | "image/png";

const EXTENSIONS: Record<DocumentMimeType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

/** The type the content says it is, or null for anything else. */
export function sniffDocumentType(bytes: Uint8Array): DocumentMimeType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // "%PDF-"
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** True when the name's extension is one the detected type may carry. */
export function extensionMatches(fileName: string, type: DocumentMimeType): boolean {
  return EXTENSIONS[type].includes(extensionOf(fileName));
}

export function isAcceptedExtension(fileName: string): boolean {
  return Object.values(EXTENSIONS).some((list) => list.includes(extensionOf(fileName)));
}

/** A file name safe to store and show: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  if (!cleaned) return "file";
  const chars = Array.from(cleaned);
  if (chars.length <= 120) return cleaned;
  const ext = extensionOf(cleaned);
  return `${chars.slice(0, 110).join("")}${ext ? `.${ext}` : ""}`;
}
