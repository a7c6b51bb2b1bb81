import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KeyRing } from "../crypto/keys";
import { residentIdIndexOf, transformArgs, transformResult } from "./resident-id-fields";

const key = { id: "t1", key: randomBytes(32) };
const ring: KeyRing = { current: key, byId: new Map([[key.id, key.key]]), blindIndex: randomBytes(32) };
const ID = "11010519491231002X";
const OTHER = "500103199001010011";

describe("resident IDs through the data layer (decision 037)", () => {
  it("encrypts a resident ID written, nested writes and JSON values included, and indexes it", () => {
    const args = transformArgs(
      { data: { applicationNo: "A", members: { create: [{ name: "张三", residentId: ID }], createMany: { data: [{ residentId: OTHER }] } }, precheck: { members: [{ residentId: ID }] } } },
      ring,
    ) as { data: { members: { create: Array<Record<string, string>>; createMany: { data: Array<Record<string, string>> } }; precheck: { members: Array<Record<string, string>> } } };
    const created = args.data.members.create[0]!;
    expect(created.residentId).toMatch(/^enc1\.t1\./);
    expect(created.residentIdIndex).toBe(residentIdIndexOf(ID, ring));
    expect(JSON.stringify(args)).not.toContain(ID);
    expect(JSON.stringify(args)).not.toContain(OTHER);
    expect(args.data.members.createMany.data[0]!.residentIdIndex).toBe(residentIdIndexOf(OTHER, ring));
    expect(args.data.precheck.members[0]!.residentId).toMatch(/^enc1\./);
  });

  it("moves filters to the blind index, whole numbers only", () => {
    const where = transformArgs({ where: { residentId: { in: [ID, OTHER] }, application: { members: { some: { residentId: ID } } }, NOT: { residentId: { not: OTHER } } } }, ring);
    expect(where).toEqual({
      where: {
        residentIdIndex: { in: [residentIdIndexOf(ID, ring), residentIdIndexOf(OTHER, ring)] },
        application: { members: { some: { residentIdIndex: residentIdIndexOf(ID, ring) } } },
        NOT: { residentIdIndex: { not: residentIdIndexOf(OTHER, ring) } },
      },
    });
    // The lower-case check character finds the same person.
    expect(residentIdIndexOf(ID.toLowerCase(), ring)).toBe(residentIdIndexOf(ID, ring));
    expect(() => transformArgs({ where: { residentId: { startsWith: "1101" } } }, ring)).toThrow(/matched whole/);
    // An upsert: the where filters, the create and update write.
    const upsert = transformArgs({ where: { id: "x" }, create: { residentId: ID }, update: { residentId: ID }, select: { residentId: true } }, ring) as Record<string, Record<string, unknown>>;
    expect(upsert.create!.residentId).toMatch(/^enc1\./);
    expect(upsert.update!.residentIdIndex).toBe(residentIdIndexOf(ID, ring));
    expect(upsert.select).toEqual({ residentId: true });
  });

  it("decrypts what it reads back, in nested results and JSON, and leaves the index out", () => {
    const written = transformArgs({ data: { residentId: ID, fields: { residentId: OTHER } } }, ring) as { data: Record<string, unknown> };
    const read = transformResult([{ id: 1, application: { members: [{ ...written.data, createdAt: new Date(0), bytes: new Uint8Array([1]) }] } }], ring);
    expect(read).toEqual([{ id: 1, application: { members: [{ residentId: ID, fields: { residentId: OTHER }, createdAt: new Date(0), bytes: new Uint8Array([1]) }] } }]);
    // A number stored before encryption reads as it is.
    expect(transformResult({ residentId: ID }, ring)).toEqual({ residentId: ID });
  });
});
