import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_APPLICANTS, DEMO_STAFF, seedDemoIfEmpty } from "@/lib/demo/seed";
import { prisma, truncateAll } from "./db";

describe("the demo seed", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("seeds an empty database once, and refuses a second time", async () => {
    expect(await seedDemoIfEmpty()).toBe(true);
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await prisma.user.count()).toBe(DEMO_STAFF.length + DEMO_APPLICANTS.length);
  });

  it("has officers for two districts and the city, and every district of Chongqing", async () => {
    expect(await prisma.district.count()).toBe(38);
    const officers = await prisma.user.groupBy({ by: ["role", "districtCode"], _count: true, orderBy: { role: "asc" } });
    expect(officers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: "DISTRICT_OFFICER", districtCode: "500103", _count: 2 }),
        expect.objectContaining({ role: "DISTRICT_OFFICER", districtCode: "500106", _count: 2 }),
        expect.objectContaining({ role: "MUNICIPAL_OFFICER", districtCode: null, _count: 1 }),
        expect.objectContaining({ role: "ADMIN", districtCode: null, _count: 1 }),
      ]),
    );
  });

  it("has a few hundred units of every type", async () => {
    const byType = await prisma.unit.groupBy({ by: ["unitType"], _count: true });
    expect(byType).toHaveLength(4);
    for (const t of byType) expect(t._count).toBeGreaterThanOrEqual(50);
    expect(await prisma.unit.count()).toBeGreaterThanOrEqual(300);
    const above60 = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Unit" WHERE "standardRentFen" * 10 > "marketRentFen" * 6`;
    expect(Number(above60[0]!.n)).toBe(0); // Art. 27
  });

  it("shows applications in every state of the lifecycle, each with a consistent history", async () => {
    const statuses = await prisma.application.groupBy({ by: ["status"], _count: true });
    const seen = new Set(statuses.map((s) => s.status));
    for (const status of [
      "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "FIRST_REVIEW_PASSED", "FIRST_REVIEW_REJECTED", "SECOND_REVIEW_PASSED",
      "IN_PUBLICITY", "OBJECTION_UPHELD", "APPEALED", "REJECTED", "QUALIFIED", "HOUSED", "CANCELLED", "WITHDRAWN",
    ] as const) {
      expect(seen, status).toContain(status);
    }
    const apps = await prisma.application.findMany({ include: { statusEvents: { orderBy: { at: "asc" } } } });
    for (const app of apps) {
      const last = app.statusEvents.at(-1);
      expect(last?.toStatus ?? "DRAFT", app.applicationNo).toBe(app.status);
    }
    expect(await prisma.lease.count({ where: { status: "ACTIVE" } })).toBe(1);
  });
});
