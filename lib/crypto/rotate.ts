import "server-only";
import { prisma } from "@/lib/db/client";
import { objectAad } from "@/lib/documents/storage";
import { objectStore } from "@/lib/storage";
import { decryptBytes, encryptBytes, isEncryptedBytes, keyIdOfBytes } from "./envelope";
import { keyRing } from "./keys";
import { reencryptResidentIds, type ResidentIdTable } from "./resident-ids";

// `npm run keys:rotate` (decision 037): re-encrypts under the key ring's current key whatever was
// written under another key, and encrypts what was stored before encryption: the resident ID
// columns (lib/crypto/resident-ids.ts; `--reindex` rewrites every row, to change BLIND_INDEX_KEY)
// and the stored files. Walks the stored files a page at a time in id order; each file is read, checked, encrypted again and written back in
// place (a store's write replaces a file whole), so a run can stop and start again at any point.
// Run it after putting a new key first in DATA_KEYS; once it reports nothing left under the old
// key, the old key can be dropped from the ring.

export interface RotationReport {
  documents: { scanned: number; reencrypted: number; alreadyCurrent: number; missing: number };
  /** Rows of the resident ID columns written again under the current key. */
  residentIds: Record<ResidentIdTable, number>;
  currentKeyId: string;
}

const PAGE = 200;

export async function rotateKeys(options: { reindex?: boolean; log?: (line: string) => void } = {}): Promise<RotationReport> {
  const ring = keyRing();
  const store = objectStore();
  const residentIds = await reencryptResidentIds({ reindex: options.reindex, log: options.log });
  const report: RotationReport = { documents: { scanned: 0, reencrypted: 0, alreadyCurrent: 0, missing: 0 }, residentIds, currentKeyId: ring.current.id };
  let after: string | undefined;
  for (;;) {
    const page = await prisma.document.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, storageKey: true, mimeType: true },
    });
    if (page.length === 0) break;
    for (const doc of page) {
      report.documents.scanned++;
      const bytes = await store.get(doc.storageKey);
      if (!bytes) {
        report.documents.missing++;
        continue;
      }
      if (keyIdOfBytes(bytes) === ring.current.id) {
        report.documents.alreadyCurrent++;
        continue;
      }
      const aad = objectAad(doc.storageKey);
      const plain = isEncryptedBytes(bytes) ? decryptBytes(bytes, aad, ring) : bytes;
      await store.put(doc.storageKey, encryptBytes(plain, aad, ring), doc.mimeType);
      report.documents.reencrypted++;
    }
    after = page[page.length - 1]!.id;
    options.log?.(`documents: ${report.documents.scanned} scanned, ${report.documents.reencrypted} re-encrypted`);
  }
  return report;
}
