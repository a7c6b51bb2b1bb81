import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ISODate } from "@/lib/rules";
import { compareHouseholdData, type DeclaredHousehold, type HouseholdComparison, type PersonRecords, type SourceRecords } from "./compare";
import { SHARED_DATA_SOURCES, type SharedDataSourceCode } from "./layouts";

// Loads the shared data of a household's members and compares it with the declaration
// (Art. 17-18). Records are keyed by resident ID and city-wide; per person and source the newest
// completed batch holding that person counts (by the batch's as-of date, else its import date);
// rows with errors never count.

type Db = Prisma.TransactionClient | typeof prisma;

export interface LoadedRecords {
  records: Map<string, PersonRecords>;
  availableSources: Set<SharedDataSourceCode>;
}

export async function loadPersonRecords(db: Db, residentIds: string[]): Promise<LoadedRecords> {
  const ids = [...new Set(residentIds)];
  const [rows, sources] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : db.sharedDataRecord.findMany({
          where: { residentId: { in: ids }, errors: { equals: Prisma.DbNull }, batch: { status: "COMPLETED" } },
          select: { residentId: true, source: true, fields: true, batchId: true, batch: { select: { asOfDate: true, importedAt: true } } },
          orderBy: { id: "asc" },
        }),
    // GROUP BY in SQL (Prisma's `distinct` would read every batch and drop duplicates in memory).
    db.sharedDataImportBatch.groupBy({ by: ["source"], where: { status: "COMPLETED" } }),
  ]);

  // Per person and source: the newest batch wins.
  const newest = new Map<string, { key: string; batchId: string; asOf: ISODate }>();
  const batchKey = (b: { asOfDate: Date | null; importedAt: Date }) =>
    `${b.asOfDate ? fromDateColumn(b.asOfDate) : todayCST(b.importedAt)}|${b.importedAt.toISOString()}`;
  for (const row of rows) {
    const slot = `${row.residentId}|${row.source}`;
    const key = batchKey(row.batch);
    const current = newest.get(slot);
    if (!current || key > current.key) {
      newest.set(slot, { key, batchId: row.batchId, asOf: row.batch.asOfDate ? fromDateColumn(row.batch.asOfDate) : todayCST(row.batch.importedAt) });
    }
  }

  const records = new Map<string, PersonRecords>();
  for (const row of rows) {
    if (!row.residentId) continue;
    const chosen = newest.get(`${row.residentId}|${row.source}`);
    if (!chosen || chosen.batchId !== row.batchId) continue;
    const person = records.get(row.residentId) ?? {};
    const bucket = (person[row.source] ??= { asOf: chosen.asOf, batchId: chosen.batchId, rows: [] }) as SourceRecords<unknown>;
    bucket.rows.push(row.fields as unknown);
    records.set(row.residentId, person);
  }
  const availableSources = new Set(
    sources.map((s) => s.source).filter((s): s is SharedDataSourceCode => (SHARED_DATA_SOURCES as readonly string[]).includes(s)),
  );
  return { records, availableSources };
}

export const householdSelect = {
  id: true,
  applicationNo: true,
  districtCode: true,
  applicantUserId: true,
  status: true,
  submittedAt: true,
  acceptedAt: true,
  declaration: {
    select: {
      employment: true,
      employerName: true,
      ownsUrbanHousingInCity: true,
      housingFloorAreaDm2: true,
      lastHousingTransferDate: true,
      familyCanSupportHousing: true,
      priorityCategories: true,
    },
  },
  members: {
    select: {
      id: true,
      name: true,
      relationship: true,
      residentId: true,
      sex: true,
      birthDate: true,
      fullCivilCapacity: true,
      annualIncomeFen: true,
    },
    orderBy: [{ relationship: "asc" }, { birthDate: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ApplicationSelect;

export type HouseholdRow = Prisma.ApplicationGetPayload<{ select: typeof householdSelect }>;

/** The declared household as the comparison takes it; null without a declaration. */
export function declaredHousehold(app: HouseholdRow, onDate: ISODate): DeclaredHousehold | null {
  const d = app.declaration;
  if (!d) return null;
  return {
    onDate,
    employment: d.employment,
    employerName: d.employerName,
    ownsUrbanHousingInCity: d.ownsUrbanHousingInCity,
    housingFloorAreaDm2: d.housingFloorAreaDm2,
    lastHousingTransferDate: d.lastHousingTransferDate ? fromDateColumn(d.lastHousingTransferDate) : null,
    priorityCategories: d.priorityCategories,
    members: app.members.map((m) => ({
      id: m.id,
      name: m.name,
      relationship: m.relationship,
      residentId: m.residentId,
      annualIncomeFen: m.annualIncomeFen,
    })),
  };
}

/** Only the officers who review the application: those of its district, municipal officers. */
export function canCompare(actor: Actor | null, districtCode: string): boolean {
  return can(actor, "review:read", { districtCode });
}

export interface ApplicationComparison extends HouseholdComparison {
  applicationId: string;
  applicationNo: string;
}

/**
 * Per household member, what was declared next to what the records say, with mismatch flags
 * (income, property, employment, priority). Compared as of the application's submission date
 * (Art. 13.5's three years count back from it), or `onDate`. NOT_FOUND for an application the
 * actor may not read, or one without a declaration.
 */
export async function compareHousehold(actor: Actor, applicationId: string, options: { onDate?: ISODate } = {}): Promise<ApplicationComparison> {
  const app = await prisma.application.findUnique({ where: { id: applicationId }, select: householdSelect });
  if (!app || !canCompare(actor, app.districtCode)) throw new AppError("NOT_FOUND");
  const onDate = options.onDate ?? todayCST(app.submittedAt ?? new Date());
  const household = declaredHousehold(app, onDate);
  if (!household) throw new AppError("NOT_FOUND");
  const loaded = await loadPersonRecords(prisma, household.members.map((m) => m.residentId));
  return { applicationId: app.id, applicationNo: app.applicationNo, ...compareHouseholdData({ household, ...loaded }) };
}
