import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("takes the first x-forwarded-for address, then x-real-ip", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientIpFrom(new Headers())).toBeNull();
  });
  it("ignores values that are not addresses", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "<script>" }))).toBeNull();
  });
});
