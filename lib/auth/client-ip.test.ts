import { afterEach, describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

const saved = process.env.TRUSTED_PROXIES;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = saved;
});

describe("clientIpFrom", () => {
  it("is the peer the server recorded; a forwarded header counts for nothing without trusted proxies", () => {
    delete process.env.TRUSTED_PROXIES;
    expect(clientIpFrom(new Headers({ "x-anju-peer-address": "203.0.113.7", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.7");
    expect(clientIpFrom(new Headers({ "x-anju-peer-address": "203.0.113.7", "x-real-ip": "198.51.100.1" }))).toBe("203.0.113.7");
  });
  it("believes x-forwarded-for from a proxy in TRUSTED_PROXIES", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(clientIpFrom(new Headers({ "x-anju-peer-address": "10.0.0.2", "x-forwarded-for": "1.1.1.1, 198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIpFrom(new Headers({ "x-anju-peer-address": "203.0.113.7", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.7");
  });
  it("is null without the server's peer header, whatever the client sends", () => {
    delete process.env.TRUSTED_PROXIES;
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBeNull();
    expect(clientIpFrom(new Headers())).toBeNull();
  });
  it("refuses a malformed TRUSTED_PROXIES", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, proxy.example";
    expect(() => clientIpFrom(new Headers({ "x-anju-peer-address": "10.0.0.2" }))).toThrow(/TRUSTED_PROXIES/);
  });
});
