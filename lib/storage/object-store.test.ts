import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeS3, type FakeS3 } from "../../tests/support/fake-s3";
import { localDiskStore } from "./local-disk";
import type { ObjectStore } from "./object-store";
import { s3Store } from "./s3";

// One contract for every store (production hardening, part 9): what is put is got back byte for
// byte, a key never written or deleted reads as none, and a key not of the portal's form is refused
// before it reaches a path or a bucket.

let s3: FakeS3;
const dir = mkdtempSync(path.join(tmpdir(), "anju-store-"));

beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const KEY = `ab/${"c".repeat(40)}`;
const stores: Array<[string, () => ObjectStore]> = [
  ["the local disk", () => localDiskStore(dir)],
  ["an S3-compatible store", () => s3Store({ bucket: s3.bucket, endpoint: s3.endpoint, region: "cn-southwest-1", accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true, prefix: "anju/" })],
];

describe.each(stores)("%s", (_label, make) => {
  it("gives back what was put, byte for byte, and nothing once deleted", async () => {
    const store = make();
    const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await store.put(KEY, bytes, "image/png");
    expect(Buffer.compare(await store.get(KEY).then((b) => b!), Buffer.from(bytes))).toBe(0);
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeNull();
    // Deleting again is not an error.
    await store.delete(KEY);
  });

  it("reads a key never written as none", async () => {
    expect(await make().get(`0f/${"1".repeat(40)}`)).toBeNull();
  });

  it.each(["../etc/passwd", "ab/../../x", "", `AB/${"c".repeat(40)}`, `ab/${"c".repeat(39)}`])("refuses the key %j", async (key) => {
    await expect(make().put(key, new Uint8Array([1]))).rejects.toThrow("invalid storage key");
    await expect(make().get(key)).rejects.toThrow("invalid storage key");
  });
});

it("the S3 store writes under its prefix, signed with its key, and the local store leaves no temporary file", async () => {
  const store = stores[1]![1]();
  await store.put(KEY, new Uint8Array([1, 2, 3]));
  expect([...s3.objects.keys()]).toContain(`anju/${KEY}`);
  const unsigned = s3Store({ bucket: s3.bucket, endpoint: s3.endpoint, region: "cn-southwest-1", accessKeyId: "OTHER", secretAccessKey: "x", forcePathStyle: true, prefix: "" });
  await expect(unsigned.get(KEY)).rejects.toThrow();
  await localDiskStore(dir).put(KEY, new Uint8Array([4]));
  expect(readdirSync(path.join(dir, "ab"))).toEqual(["c".repeat(40)]);
});
