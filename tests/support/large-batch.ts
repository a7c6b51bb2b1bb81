// A publicity batch of city scale (Art. 19: a district publicises a month's decisions at once, up
// to 10,000 households), written by SQL in one statement per table so that it takes seconds, not
// the minutes that 10,000 submissions through the services would. For tests and the HTTP bench
// (bench/http.ts); the rows are what publishBatch would leave: applications IN_PUBLICITY with one
// applicant each, a PUBLISHED batch for today's period, and one entry per application.

/** What the fixture needs of a database client: `pg`'s `query`. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface LargeBatch {
  batchId: string;
  size: number;
  /** The numbers of the entries, in order: `GZF-<district>-<year>-000001`... */
  applicationNos: string[];
}

/** Numbers and ids of one fixture: a random numbering year (2100-9999), so that several fit in one database. */
function fixtureNames(districtCode: string): { prefix: string; noPrefix: string } {
  const year = 2100 + Math.floor(Math.random() * 7900);
  return { prefix: `lb${year}${districtCode}`, noPrefix: `GZF-${districtCode}-${year}-` };
}

async function insertApplications(
  db: SqlClient,
  names: { prefix: string; noPrefix: string },
  options: { size: number; districtCode: string; status: "IN_PUBLICITY" | "SECOND_REVIEW_PASSED"; dueDate: string },
): Promise<void> {
  await db.query(
    `INSERT INTO "Application" ("id", "applicationNo", "source", "districtCode", "estateLevel", "status", "statusChangedAt",
                                "preferredUnitType", "submittedAt", "acceptedAt", "dueDate", "updatedAt", "contactPhone")
     SELECT $1 || lpad(g::text, 6, '0'), $2 || lpad(g::text, 6, '0'), 'PORTAL', $3, 'DISTRICT', $6::"ApplicationStatus", now() - interval '1 hour',
            'ONE_BEDROOM', now(), now(), $5::date, now(), '139' || lpad(g::text, 8, '0')
       FROM generate_series(1, $4::int) AS g`,
    [names.prefix, names.noPrefix, options.districtCode, options.size, options.dueDate, options.status],
  );
  await db.query(
    `INSERT INTO "HouseholdMember" ("id", "applicationId", "relationship", "name", "residentId", "sex", "birthDate",
                                    "fullCivilCapacity", "annualIncomeFen")
     SELECT $1 || 'm' || lpad(g::text, 6, '0'), $1 || lpad(g::text, 6, '0'), 'APPLICANT', '公示' || g, $2 || lpad(g::text, 8, '0'),
            'M', DATE '1990-01-01', true, 3000000
       FROM generate_series(1, $3::int) AS g`,
    [names.prefix, `${options.districtCode}1990`, options.size],
  );
}

/**
 * `size` applications of `districtCode` whose second review passed an hour ago, awaiting
 * publicity (for publishing a batch of city scale). Returns their ids.
 */
export async function createAwaitingApplications(db: SqlClient, options: { size: number; districtCode: string; dueDate: string }): Promise<string[]> {
  const names = fixtureNames(options.districtCode);
  await insertApplications(db, names, { ...options, status: "SECOND_REVIEW_PASSED" });
  return Array.from({ length: options.size }, (_, i) => `${names.prefix}${String(i + 1).padStart(6, "0")}`);
}

/** Creates `size` applications of `districtCode` in publicity and one batch listing them all. */
export async function createLargeBatch(
  db: SqlClient,
  options: { size: number; districtCode: string; startDate: string; endDate: string; title?: string },
): Promise<LargeBatch> {
  const { size, districtCode } = options;
  const names = fixtureNames(districtCode);
  const { prefix, noPrefix } = names;
  await insertApplications(db, names, { size, districtCode, status: "IN_PUBLICITY", dueDate: options.endDate });
  const batchId = `${prefix}batch`;
  await db.query(
    `INSERT INTO "PublicityBatch" ("id", "districtCode", "title", "startDate", "endDate", "status", "publishedAt")
     VALUES ($1, $2, $3, $4::date, $5::date, 'PUBLISHED', now())`,
    [batchId, districtCode, options.title ?? `公示（${size} 户）`, options.startDate, options.endDate],
  );
  // The application number and the entry's place are stored on the entry since the city-scale
  // migrations; the fixture also fills a database migrated before them (the bench's "before" figures).
  const columns = new Set(
    (
      await db.query(
        `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name IN ('PublicityEntry', 'PublicityBatch')`,
      )
    ).rows.map((r) => String((r as { name: string }).name)),
  );
  const hasNumber = columns.has("PublicityEntry.applicationNo");
  const hasPosition = columns.has("PublicityEntry.position");
  const numberColumn = `${hasNumber ? `, "applicationNo"` : ""}${hasPosition ? `, "position"` : ""}`;
  const numberValue = `${hasNumber ? `, $5 || lpad(g::text, 6, '0')` : ""}${hasPosition ? ", g" : ""}`;
  await db.query(
    `INSERT INTO "PublicityEntry" ("id", "batchId", "applicationId", "displayName", "maskedResidentId", "householdSize"${numberColumn})
     SELECT $1 || 'e' || lpad(g::text, 6, '0'), $2, $1 || lpad(g::text, 6, '0'), '公*', $3 || '********' || lpad((g % 10000)::text, 4, '0'), 1${numberValue}
       FROM generate_series(1, $4::int) AS g`,
    [prefix, batchId, districtCode, size, ...(hasNumber ? [noPrefix] : [])],
  );
  if (columns.has("PublicityBatch.entryCount")) await db.query(`UPDATE "PublicityBatch" SET "entryCount" = $2 WHERE "id" = $1`, [batchId, size]);
  const applicationNos = Array.from({ length: size }, (_, i) => `${noPrefix}${String(i + 1).padStart(6, "0")}`);
  return { batchId, size, applicationNos };
}
