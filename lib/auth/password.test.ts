import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("abc12345");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain("abc12345");
    expect(await verifyPassword(hash, "abc12345")).toBe(true);
    expect(await verifyPassword(hash, "abc12346")).toBe(false);
  });
  it("never throws on a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "abc12345")).toBe(false);
    expect(await verifyAgainstDummy("whatever")).toBe(false);
  });
});
