// Files at rest are encrypted, and `npm run keys:rotate` moves them to a new key (decision 037):
// the raw store never holds an uploaded file in clear; after a new key is put first in DATA_KEYS,
// the rotation re-encrypts every file under it (and encrypts any file stored before encryption),
// after which the old key can leave the ring and every file still opens.
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/anju-rotate-test-uploads-${process.pid}`;
});

import { saveHouseholdStep } from "@/lib/applications/drafts";
import { householdStepSchema } from "@/lib/applications/schemas";
import { keyIdOfBytes } from "@/lib/crypto/envelope";
import { rotateKeys } from "@/lib/crypto/rotate";
import { openApplicationDocument, uploadApplicationDocument } from "@/lib/documents/service";
import { uploadRoot } from "@/lib/documents/storage";
import { freshResidentId } from "../support/resident-id";
import { seedWorld } from "./applications.fixtures";
import { prisma, truncateAll } from "./db";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const key = () => randomBytes(32).toString("base64");
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;

beforeEach(async () => {
  await truncateAll();
  process.env.DATA_KEYS = K1;
  process.env.BLIND_INDEX_KEY = key();
});
afterEach(() => {
  delete process.env.DATA_KEYS;
  delete process.env.BLIND_INDEX_KEY;
});
afterAll(async () => {
  await rm(uploadRoot(), { recursive: true, force: true });
});

describe("files at rest and key rotation", () => {
  it("stores files encrypted, re-encrypts them under a new key, and they open once the old key is gone", async () => {
    const world = await seedWorld();
    const A = world.users.applicantA;
    await saveHouseholdStep(
      A,
      householdStepSchema.parse({ applicant: { name: "张伟", residentId: freshResidentId(), maritalStatus: "UNMARRIED", fullCivilCapacity: true, annualIncomeYuan: "1000" }, members: [] }),
    );
    const docs = [];
    for (const kind of ["ID_CARD", "HOUSEHOLD_REGISTER", "LABOR_CONTRACT"] as const) docs.push(await uploadApplicationDocument(A, { kind, fileName: `${kind}.png`, bytes: PNG }));
    const raw = async (id: string) => readFile(path.join(uploadRoot(), (await prisma.document.findUniqueOrThrow({ where: { id } })).storageKey));
    for (const d of docs) {
      const bytes = await raw(d.id);
      expect(keyIdOfBytes(bytes)).toBe("k1");
      expect(bytes.includes(Buffer.from(PNG.subarray(0, 8)))).toBe(false);
    }
    // A file written before encryption (as an older portal did) is read as it is, then encrypted.
    const legacy = await prisma.document.findUniqueOrThrow({ where: { id: docs[2]!.id } });
    await writeFile(path.join(uploadRoot(), legacy.storageKey), PNG);

    // A member whose number is still in clear, as an older portal stored it.
    const member = await prisma.householdMember.findFirstOrThrow({ select: { id: true, residentId: true } });
    const other = await prisma.householdMember.create({
      data: { applicationId: (await prisma.householdMember.findFirstOrThrow()).applicationId, relationship: "CHILD", name: "小明", residentId: freshResidentId({ birthDate: "2015-05-05", sex: "M" }), sex: "M", birthDate: new Date("2015-05-05"), fullCivilCapacity: false, annualIncomeFen: 0 },
      select: { id: true, residentId: true },
    });
    await prisma.$executeRaw`UPDATE "HouseholdMember" SET "residentId" = ${other.residentId}, "residentIdIndex" = NULL WHERE "id" = ${other.id}`;

    process.env.DATA_KEYS = `${K2},${K1}`;
    const report = await rotateKeys();
    expect(report).toEqual({
      currentKeyId: "k2",
      documents: { scanned: 3, reencrypted: 3, alreadyCurrent: 0, missing: 0 },
      residentIds: { HouseholdMember: 2, DirectedNominee: 0, SharedDataRecord: 0, Ban: 0 },
    });
    const stored = await prisma.$queryRaw<Array<{ residentId: string; residentIdIndex: string | null }>>`SELECT "residentId", "residentIdIndex" FROM "HouseholdMember" ORDER BY "id"`;
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.residentId.startsWith("enc1.k2.")).toBe(true);
      expect(row.residentIdIndex).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const d of docs) expect(keyIdOfBytes(await raw(d.id))).toBe("k2");
    // Run again: nothing left to do.
    const again = await rotateKeys();
    expect(again.documents).toMatchObject({ reencrypted: 0, alreadyCurrent: 3 });
    expect(again.residentIds.HouseholdMember).toBe(0);

    // The old key leaves the ring; every file still opens, byte for byte.
    process.env.DATA_KEYS = K2;
    for (const d of docs) expect(new Uint8Array((await openApplicationDocument(A, d.id)).bytes)).toEqual(PNG);
    expect((await prisma.householdMember.findUniqueOrThrow({ where: { id: member.id } })).residentId).toBe(member.residentId);
    expect((await prisma.householdMember.findMany({ where: { residentId: other.residentId } })).map((m) => m.id)).toEqual([other.id]);
  });

  it("reports a file missing from the store instead of stopping", async () => {
    const world = await seedWorld();
    const A = world.users.applicantA;
    await saveHouseholdStep(
      A,
      householdStepSchema.parse({ applicant: { name: "张伟", residentId: freshResidentId(), maritalStatus: "UNMARRIED", fullCivilCapacity: true, annualIncomeYuan: "1000" }, members: [] }),
    );
    const doc = await uploadApplicationDocument(A, { kind: "ID_CARD", fileName: "id.png", bytes: PNG });
    await rm(path.join(uploadRoot(), (await prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).storageKey));
    process.env.DATA_KEYS = `${K2},${K1}`;
    expect((await rotateKeys()).documents).toMatchObject({ scanned: 1, missing: 1, reencrypted: 0 });
  });
});
