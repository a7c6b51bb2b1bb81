import { describe, expect, it } from "vitest";
import { demoSeedPlan } from "./seed-plan";

describe("demoSeedPlan: demo accounts with known passwords only where asked for", () => {
  it.each([
    [{ databaseUrlGiven: false, e2e: false, seedDemoRequested: false }, "if-empty"],
    [{ databaseUrlGiven: false, e2e: false, seedDemoRequested: true }, "if-empty"],
    [{ databaseUrlGiven: true, e2e: false, seedDemoRequested: false }, "never"],
    [{ databaseUrlGiven: true, e2e: false, seedDemoRequested: true }, "if-empty"],
    [{ databaseUrlGiven: true, e2e: true, seedDemoRequested: false }, "force"],
    [{ databaseUrlGiven: false, e2e: true, seedDemoRequested: false }, "force"],
  ])("%o → %s", (input, seed) => {
    const plan = demoSeedPlan(input);
    expect(plan.seed).toBe(seed);
    expect(plan.notice.length).toBeGreaterThan(10);
  });
});
