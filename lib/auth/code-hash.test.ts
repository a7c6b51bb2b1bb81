import { createHmac, hkdfSync } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { maskPhone } from "@/lib/rules/identity";
import { generateCode, hashCode, sameHash } from "./code-hash";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("one-time codes", () => {
  it("are six digits, leading zeros kept", () => {
    for (let i = 0; i < 200; i++) expect(generateCode()).toMatch(/^\d{6}$/);
  });

  it("are stored as an HMAC under a key derived from AUTH_SECRET, never in clear", () => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-of-32-characters!!");
    const key = Buffer.from(hkdfSync("sha256", "a-test-secret-of-32-characters!!", "anju", "anju/phone-code/v1", 32));
    const expected = createHmac("sha256", key).update("REGISTER\n13800138000\n012345").digest("hex");
    expect(hashCode("13800138000", "REGISTER", "012345")).toBe(expected);
    expect(hashCode("13800138000", "REGISTER", "012345")).not.toContain("012345");
  });

  it("differ by number, purpose, code and secret", () => {
    vi.stubEnv("AUTH_SECRET", "a-test-secret-of-32-characters!!");
    const base = hashCode("13800138000", "REGISTER", "123456");
    expect(hashCode("13800138001", "REGISTER", "123456")).not.toBe(base);
    expect(hashCode("13800138000", "RESET_PASSWORD", "123456")).not.toBe(base);
    expect(hashCode("13800138000", "REGISTER", "123457")).not.toBe(base);
    vi.stubEnv("AUTH_SECRET", "another-secret-of-32-characters!");
    expect(hashCode("13800138000", "REGISTER", "123456")).not.toBe(base);
  });

  it("need AUTH_SECRET in production", () => {
    vi.stubEnv("AUTH_SECRET", undefined);
    vi.stubEnv("NODE_ENV", "production");
    expect(() => hashCode("13800138000", "REGISTER", "123456")).toThrow(/AUTH_SECRET/);
  });

  it("compare in constant time, and only equal hashes match", () => {
    const h = hashCode("13800138000", "LINK_INTAKE", "000000");
    expect(sameHash(h, h)).toBe(true);
    expect(sameHash(h, hashCode("13800138000", "LINK_INTAKE", "000001"))).toBe(false);
    expect(sameHash(h, "")).toBe(false);
    expect(sameHash("", "")).toBe(false);
  });
});

describe("numbers in texts and logs", () => {
  it("are masked to the first three and last four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("1381234")).toBe("***");
  });
});
