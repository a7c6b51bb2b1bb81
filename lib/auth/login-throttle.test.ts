import { describe, expect, it } from "vitest";
import { accountPolicy, ipPolicy, minutesUntil, throttleKeys } from "./login-throttle";

// The counting itself is atomic SQL; tests/integration/throttle.integration.test.ts runs it on
// the real database, in parallel.
describe("login throttle keys", () => {
  it("builds an account key and an address key", () => {
    const [accountKey, ipKey] = throttleKeys({ kind: "phone", value: "13800138000" }, "203.0.113.7");
    expect(accountKey).toEqual({ key: "account:phone:13800138000", policy: accountPolicy });
    expect(ipKey).toEqual({ key: "ip:203.0.113.7", policy: ipPolicy });
    expect(throttleKeys({ kind: "username", value: "li.si" }, null)).toHaveLength(1);
  });

  it("rounds the wait up to whole minutes, at least one", () => {
    const at = (minutes: number) => new Date(Date.UTC(2025, 2, 10, 1, 0) + minutes * 60_000);
    expect(minutesUntil(at(27), at(12))).toBe(15);
    expect(minutesUntil(at(27), at(26.5))).toBe(1);
    expect(minutesUntil(at(27), at(27))).toBe(1);
  });
});
