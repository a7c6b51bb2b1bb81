import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blindIndex, decryptBytes, decryptText, DecryptionError, encryptBytes, encryptText, isEncryptedBytes, keyIdOfBytes, keyIdOfText } from "./envelope";
import { parseDataKeys, type KeyRing } from "./keys";

function ring(ids: string[], blind = randomBytes(32)): KeyRing {
  const keys = ids.map((id) => ({ id, key: randomBytes(32) }));
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k.key])), blindIndex: blind };
}

describe("encrypted files", () => {
  it("round-trip any bytes for their context, and hide them", () => {
    const keys = ring(["k1"]);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.string({ minLength: 1, maxLength: 60 }), (plain, aad) => {
        const sealed = encryptBytes(plain, aad, keys);
        expect(isEncryptedBytes(sealed)).toBe(true);
        expect(keyIdOfBytes(sealed)).toBe("k1");
        expect(new Uint8Array(decryptBytes(sealed, aad, keys))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });

  it("give a different ciphertext each time", () => {
    const keys = ring(["k1"]);
    const plain = Buffer.from("户口簿");
    expect(encryptBytes(plain, "a", keys).equals(encryptBytes(plain, "a", keys))).toBe(false);
  });

  it.each([
    ["one flipped bit", (b: Buffer) => (b[b.length - 20]! ^= 1, b), "a"],
    ["another context (a file moved under another key)", (b: Buffer) => b, "b"],
    ["a truncated file", (b: Buffer) => b.subarray(0, 20), "a"],
  ])("refuse %s", (_, alter, aad) => {
    const keys = ring(["k1"]);
    const sealed = alter(encryptBytes(Buffer.from("身份证正反面"), "a", keys));
    expect(() => decryptBytes(sealed, aad, keys)).toThrow(DecryptionError);
  });

  it("open under an older key of the ring, not under a ring without it", () => {
    const old = ring(["k1"]);
    const sealed = encryptBytes(Buffer.from("old"), "a", old);
    const rotated: KeyRing = { current: { id: "k2", key: randomBytes(32) }, byId: new Map([["k2", randomBytes(32)], ["k1", old.byId.get("k1")!]]), blindIndex: old.blindIndex };
    expect(decryptBytes(sealed, "a", rotated).toString()).toBe("old");
    expect(keyIdOfBytes(encryptBytes(Buffer.from("new"), "a", rotated))).toBe("k2");
    expect(() => decryptBytes(sealed, "a", ring(["k3"]))).toThrow(/k1 is not in the key ring/);
  });
});

describe("encrypted text", () => {
  it("round-trips resident IDs and any text, never holding them in clear", () => {
    const keys = ring(["k1"]);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (plain) => {
        const sealed = encryptText(plain, "HouseholdMember.residentId", keys);
        expect(sealed.startsWith("enc1.k1.")).toBe(true);
        expect(keyIdOfText(sealed)).toBe("k1");
        expect(decryptText(sealed, "HouseholdMember.residentId", keys)).toBe(plain);
        if (plain.length >= 4) expect(sealed).not.toContain(plain);
      }),
      { numRuns: 200 },
    );
    expect(() => decryptText(encryptText("11010519491231002X", "a", keys), "b", keys)).toThrow(DecryptionError);
  });
});

describe("blind indexes", () => {
  it("are equal for equal values, differ by purpose and by key", () => {
    const keys = ring(["k1"]);
    const id = "11010519491231002X";
    expect(blindIndex(id, "resident-id", keys)).toBe(blindIndex(id, "resident-id", keys));
    expect(blindIndex(id, "resident-id", keys)).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(id, "resident-id", keys)).not.toBe(blindIndex(id, "other", keys));
    expect(blindIndex(id, "resident-id", keys)).not.toBe(blindIndex(id, "resident-id", ring(["k1"])));
    expect(blindIndex(id, "resident-id", keys)).not.toBe(blindIndex("11010519491231003X", "resident-id", keys));
  });
});

describe("DATA_KEYS", () => {
  const k = () => randomBytes(32).toString("base64");
  it("reads a ring, the first key current", () => {
    const a = k();
    const b = k();
    const keys = parseDataKeys(`k2:${a}, k1:${b}`);
    expect(keys.map((x) => x.id)).toEqual(["k2", "k1"]);
    expect(keys[0]!.key.toString("base64")).toBe(a);
  });
  it.each([
    ["", /no key/],
    ["k1", /entry 1/],
    [`k1:${randomBytes(16).toString("base64")}`, /entry 1/],
    [`bad id:${randomBytes(32).toString("base64")}`, /entry 1/],
    [`k1:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`, /twice/],
  ])("refuses %j without quoting a key", (value, message) => {
    let error: unknown;
    try {
      parseDataKeys(value);
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(message);
    if (value.includes(":")) expect(String(error)).not.toContain(value.split(":")[1]!.slice(0, 10));
  });
});
