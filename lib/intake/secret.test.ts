import { describe, expect, it } from "vitest";
import { DEV_INTAKE_SECRET, resolveIntakeSecret } from "./signature";

describe("resolveIntakeSecret: the development secret only in the demo", () => {
  it.each([
    ["demo without a secret: the development secret", undefined, "demo", { secret: DEV_INTAKE_SECRET, source: "development" }],
    ["demo with a secret: that secret", "a-secret-of-our-own", "demo", { secret: "a-secret-of-our-own", source: "configured" }],
    ["production without a secret: refuse everything", undefined, "production", { secret: null, problem: "missing" }],
    ["production with the public development secret: refuse everything", DEV_INTAKE_SECRET, "production", { secret: null, problem: "development-secret-in-production" }],
    ["production with a secret: that secret", "a-secret-of-our-own", "production", { secret: "a-secret-of-our-own", source: "configured" }],
  ] as const)("%s", (_label, configured, mode, expected) => {
    expect(resolveIntakeSecret(configured, mode)).toEqual(expected);
  });
});
