// `npm run bench:scale` at a tiny size, as a test of its parts rather than of speed (no timing
// here): the generator writes valid, unique resident IDs and the household summary the database
// itself would keep; the status mix is the one the bench promises; and every page the bench times
// runs, service and SQL, on the generated rows. The database's own upkeep of the summary (the
// HouseholdMember trigger) is tested beside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchCases, pickSamples } from "@/bench/scale/cases";
import { generationSteps } from "@/bench/scale/generate";
import { isValidResidentId, maskResidentId } from "@/lib/rules";
import pg from "pg";
import { prisma, testDatabaseUrl, truncateAll, withPgClient } from "./db";

const SIZE = 2_000;

describe("the city-scale bench's data set", () => {
  beforeAll(async () => {
    await truncateAll();
    await withPgClient(async (client) => {
      for (const step of generationSteps({ applications: SIZE })) await client.query(step.sql);
    });
  }, 300_000);

  afterAll(async () => {
    await truncateAll();
  });

  it("has valid, unique resident IDs", async () => {
    const ids = (await prisma.householdMember.findMany({ select: { residentId: true } })).map((m) => m.residentId);
    expect(ids.length).toBeGreaterThan(SIZE * 2);
    expect(ids.filter((id) => !isValidResidentId(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes the household summary the trigger keeps", async () => {
    const apps = await prisma.application.findMany({
      select: {
        id: true,
        householdSize: true,
        applicantName: true,
        applicantIdMasked: true,
        members: { where: { relationship: "APPLICANT" }, select: { name: true, residentId: true } },
      },
    });
    const counts = new Map(
      (await prisma.householdMember.groupBy({ by: ["applicationId"], _count: { _all: true } })).map((c) => [c.applicationId, c._count._all]),
    );
    const wrong = apps.filter(
      (a) =>
        a.householdSize !== counts.get(a.id) ||
        a.applicantName !== a.members[0]?.name ||
        a.applicantIdMasked !== maskResidentId(a.members[0]?.residentId ?? ""),
    );
    expect(wrong.map((a) => a.id)).toEqual([]);
  });

  it("has about 5 % in review and 1 % in publicity, the rest mostly finished", async () => {
    const byStatus = new Map(
      (await prisma.application.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [g.status, g._count._all]),
    );
    const share = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (byStatus.get(s as never) ?? 0), 0) / SIZE;
    expect(share("SUBMITTED", "ACCEPTED", "FIRST_REVIEW_PASSED")).toBeCloseTo(0.05, 2);
    expect(share("IN_PUBLICITY")).toBeCloseTo(0.01, 2);
    expect(share("QUALIFIED", "HOUSED", "REJECTED", "WITHDRAWN", "CANCELLED")).toBeGreaterThan(0.9);
  });

  it("runs every page the bench times, its service and its SQL", async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    try {
      const cases = benchCases(await pickSamples(pool));
      expect(cases.length).toBeGreaterThanOrEqual(20);
      for (const c of cases) {
        await expect(c.service(), c.name).resolves.toBeDefined();
        for (const q of c.sql) await pool.query(q.text, q.values);
      }
    } finally {
      await pool.end();
    }
  }, 120_000);
});

describe("the household summary on the application", () => {
  it("follows the members as they are written, changed and removed", async () => {
    await truncateAll();
    await withPgClient(async (client) => {
      for (const step of generationSteps({ applications: 20 }).slice(0, 2)) await client.query(step.sql);
    });
    const app = await prisma.application.create({
      data: { applicationNo: "GZF-500103-2026-T00001", source: "PORTAL", districtCode: "500103", estateLevel: "DISTRICT" },
      select: { id: true },
    });
    const summary = () =>
      prisma.application.findUniqueOrThrow({ where: { id: app.id }, select: { householdSize: true, applicantName: true, applicantIdMasked: true } });
    expect(await summary()).toEqual({ householdSize: 0, applicantName: null, applicantIdMasked: null });

    const person = { sex: "M" as const, birthDate: new Date("1990-01-01"), fullCivilCapacity: true, annualIncomeFen: 0 };
    await prisma.householdMember.createMany({
      data: [
        { ...person, applicationId: app.id, relationship: "APPLICANT", name: "张伟", residentId: "11010519491231002X" },
        { ...person, applicationId: app.id, relationship: "SPOUSE", name: "李娜", residentId: "110105194912310029" },
      ],
    });
    expect(await summary()).toEqual({ householdSize: 2, applicantName: "张伟", applicantIdMasked: "110105********002X" });

    await prisma.householdMember.updateMany({ where: { applicationId: app.id, relationship: "APPLICANT" }, data: { name: "张伟伟" } });
    expect((await summary()).applicantName).toBe("张伟伟");

    await prisma.householdMember.deleteMany({ where: { applicationId: app.id, relationship: "SPOUSE" } });
    expect((await summary()).householdSize).toBe(1);

    await prisma.householdMember.deleteMany({ where: { applicationId: app.id } });
    expect(await summary()).toEqual({ householdSize: 0, applicantName: null, applicantIdMasked: null });
    await truncateAll();
  });
});
