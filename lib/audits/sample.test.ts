import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawAuditSample, populationCommitment } from "./sample";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("drawAuditSample (Art. 20)", () => {
  const ids = Array.from({ length: 50 }, (_, i) => `decision-${i}`);

  it("takes the n smallest SHA-256(seed:id) tickets, as sha256sum computes them", () => {
    const sample = drawAuditSample("seed-2026", ids, 5);
    const expected = ids
      .map((id) => ({ id, ticket: sha(`seed-2026:${id}`) }))
      .sort((a, b) => a.ticket.localeCompare(b.ticket))
      .slice(0, 5);
    expect(sample).toEqual(expected);
  });

  it("is reproducible from the seed and independent of the order of the population", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 20 }), fc.integer({ min: 0, max: 60 }), (seed, n) => {
        const a = drawAuditSample(seed, ids, n);
        const b = drawAuditSample(seed, [...ids].reverse(), n);
        expect(a).toEqual(b);
        expect(a).toHaveLength(Math.min(n, ids.length));
      }),
      { numRuns: 50 },
    );
  });

  it("a different seed draws a different sample", () => {
    expect(drawAuditSample("a-seed-1", ids, 5)).not.toEqual(drawAuditSample("a-seed-2", ids, 5));
  });

  it("refuses a negative size; the commitment ignores order and duplicates", () => {
    expect(() => drawAuditSample("s", ids, -1)).toThrow(RangeError);
    expect(populationCommitment(["b", "a", "a"])).toBe(sha("a\nb"));
  });
});
