import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawLottery, lotteryTicket, orderByTicket, reservedPriorityUnits, seedCommitment, type LotteryEntrant } from "./lottery";

// Art. 23: the public lottery. Tickets are SHA-256 so anyone can recompute the draw with sha256sum.

describe("tickets and the seed commitment", () => {
  it("are lowercase hex SHA-256 (known vectors)", () => {
    expect(seedCommitment("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(seedCommitment("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // printf '%s' 'abc:X' | sha256sum
    expect(lotteryTicket("ab", "c")).toBe(seedCommitment("ab:c"));
  });
  it("hash the UTF-8 bytes", () => {
    expect(lotteryTicket("种子", "渝2025-001")).toBe(createHash("sha256").update(Buffer.from("种子:渝2025-001", "utf8")).digest("hex"));
  });
});

function sortedByTicket(seed: string, nos: string[]): string[] {
  return [...nos].sort((a, b) => (lotteryTicket(seed, a) < lotteryTicket(seed, b) ? -1 : 1));
}

describe("drawLottery", () => {
  const entrants: LotteryEntrant[] = [
    { applicationNo: "A1", priority: true },
    { applicationNo: "A2", priority: false },
    { applicationNo: "A3", priority: true },
    { applicationNo: "A4", priority: false },
    { applicationNo: "A5", priority: false },
    { applicationNo: "A6", priority: true },
  ];

  it("runs the priority round first, then the general round, both by ticket", () => {
    const seed = "2025-pool-7";
    const result = drawLottery({ seed, entrants, units: 4, priorityShare: 0.5 });
    const priorityOrder = sortedByTicket(seed, ["A1", "A3", "A6"]);
    const priorityWinners = priorityOrder.slice(0, 2);
    const generalOrder = sortedByTicket(seed, entrants.map((e) => e.applicationNo).filter((n) => !priorityWinners.includes(n)));
    expect(result.winners).toEqual([
      ...priorityWinners.map((applicationNo) => ({ applicationNo, round: "PRIORITY" })),
      ...generalOrder.slice(0, 2).map((applicationNo) => ({ applicationNo, round: "GENERAL" })),
    ]);
    expect(result.waitlist).toEqual(generalOrder.slice(2));
  });

  it.each([
    [10, 0.3, 3],
    [10, 0, 0],
    [10, 1, 10],
    [7, 0.5, 3],
    [0, 0.5, 0],
  ])("%i units with share %f reserve %i", (units, share, reserved) => {
    expect(reservedPriorityUnits(units, share)).toBe(reserved);
  });

  it("with fewer priority entrants than reserved units, the rest go to the general round", () => {
    const result = drawLottery({ seed: "s", entrants, units: 6, priorityShare: 1 });
    expect(result.winners.filter((w) => w.round === "PRIORITY")).toHaveLength(3);
    expect(result.winners).toHaveLength(6);
    expect(result.waitlist).toEqual([]);
  });

  it("no units: everyone waits", () => {
    const result = drawLottery({ seed: "s", entrants, units: 0, priorityShare: 0.5 });
    expect(result.winners).toEqual([]);
    expect(result.waitlist).toEqual(sortedByTicket("s", entrants.map((e) => e.applicationNo)));
  });

  it("invalid input throws a RangeError naming the field", () => {
    const dup = [...entrants, { applicationNo: "A1", priority: false }];
    expect(() => drawLottery({ seed: "s", entrants: dup, units: 1, priorityShare: 0 })).toThrow(/applicationNo/);
    expect(() => drawLottery({ seed: "s", entrants, units: -1, priorityShare: 0 })).toThrow(/units/);
    expect(() => drawLottery({ seed: "s", entrants, units: 1.5, priorityShare: 0 })).toThrow(RangeError);
    expect(() => drawLottery({ seed: "s", entrants, units: 1, priorityShare: 1.2 })).toThrow(/priorityShare/);
    expect(() => drawLottery({ seed: "", entrants, units: 1, priorityShare: 0 })).toThrow(/seed/);
  });

  const arbPool = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 })
    .chain((nos) => fc.tuple(fc.constant(nos), fc.array(fc.boolean(), { minLength: nos.length, maxLength: nos.length })))
    .map(([nos, flags]) => nos.map((applicationNo, i) => ({ applicationNo, priority: flags[i]! })));

  it("properties: min(units, entrants) winners, no one twice, priority round within the reserve, order-independent", () => {
    fc.assert(
      fc.property(arbPool, fc.string(), fc.integer({ min: 0, max: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (pool, seedTail, units, share, shuffleSeed) => {
        const seed = `seed-${seedTail}`;
        const result = drawLottery({ seed, entrants: pool, units, priorityShare: share });
        const winners = result.winners.map((w) => w.applicationNo);
        expect(winners).toHaveLength(Math.min(units, pool.length));
        const everyone = [...winners, ...result.waitlist];
        expect(new Set(everyone).size).toBe(everyone.length);
        expect(everyone.sort()).toEqual(pool.map((e) => e.applicationNo).sort());
        const priorityWinners = result.winners.filter((w) => w.round === "PRIORITY");
        expect(priorityWinners.length).toBeLessThanOrEqual(Math.floor(units * share + 1e-9));
        // Priority round first.
        const firstGeneral = result.winners.findIndex((w) => w.round === "GENERAL");
        if (firstGeneral >= 0) expect(result.winners.slice(firstGeneral).every((w) => w.round === "GENERAL")).toBe(true);
        // Same seed, any order of entrants: same result.
        const shuffled = [...pool].sort((a, b) => lotteryTicket(String(shuffleSeed), a.applicationNo).localeCompare(lotteryTicket(String(shuffleSeed), b.applicationNo)));
        expect(drawLottery({ seed, entrants: shuffled, units, priorityShare: share })).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ticket ordering", () => {
  it("orders tickets that share long prefixes by the full ticket", () => {
    const base = "0123456789abcdef0123";
    const tickets = ["f", "3", "a", "0", "c", "1"].map((last) => base.padEnd(63, "7") + last);
    tickets.push("00" + base, "ff" + base);
    const order = Array.from(orderByTicket(tickets));
    expect(order.map((i) => tickets[i])).toEqual([...tickets].sort());
  });
  it("matches a plain string sort for any set of tickets", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{1,3}$/).map((p) => p.padEnd(64, "0")), { maxLength: 300 }), (tickets) => {
        expect(Array.from(orderByTicket(tickets)).map((i) => tickets[i])).toEqual([...tickets].sort());
      }),
    );
  });
});

describe("drawLottery agrees with a plain transcription of Art. 23's procedure", () => {
  function reference(seed: string, entrants: LotteryEntrant[], units: number, share: number) {
    const ticket = (no: string) => createHash("sha256").update(`${seed}:${no}`, "utf8").digest("hex");
    const byTicket = (list: LotteryEntrant[]) => [...list].sort((a, b) => (ticket(a.applicationNo) < ticket(b.applicationNo) ? -1 : 1));
    const reserved = Math.floor(units * share + 1e-9);
    const priorityWinners = byTicket(entrants.filter((e) => e.priority)).slice(0, reserved);
    const taken = new Set(priorityWinners.map((e) => e.applicationNo));
    const rest = byTicket(entrants.filter((e) => !taken.has(e.applicationNo)));
    const general = rest.slice(0, Math.max(0, units - priorityWinners.length));
    return {
      winners: [
        ...priorityWinners.map((e) => ({ applicationNo: e.applicationNo, round: "PRIORITY" })),
        ...general.map((e) => ({ applicationNo: e.applicationNo, round: "GENERAL" })),
      ],
      waitlist: rest.slice(general.length).map((e) => e.applicationNo),
    };
  }

  it("for any pool", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ applicationNo: fc.stringMatching(/^[A-Z0-9-]{1,10}$/), priority: fc.boolean() }), { selector: (e) => e.applicationNo, maxLength: 50 }),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(0, 0.1, 0.25, 0.3, 0.5, 1),
        (entrants, seed, units, share) => {
          expect(drawLottery({ seed, entrants, units, priorityShare: share })).toEqual(reference(seed, entrants, units, share));
        },
      ),
      { numRuns: 300 },
    );
  });
});
