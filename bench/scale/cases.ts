// The pages `npm run bench:scale` times: each officer and public page's service call, beside the
// hand-written SQL a good engineer would write for the same rows (the floor it is compared with).
// The SQL reads what the page shows: the same filters, order, page and joined figures.
import type pg from "pg";
import { getAppealDetail, listAppeals } from "../../lib/appeals/appeals";
import { appealFilterSchema } from "../../lib/appeals/schemas";
import { getAudit, listAudits } from "../../lib/audits/audit-service";
import { auditListFilterSchema } from "../../lib/audits/schemas";
import type { Actor } from "../../lib/auth/permissions";
import { getDistrictOverview } from "../../lib/districts/overview";
import { getStaffBatch, getPublicBatch, listPublicBatches, listPublishable, listStaffBatches } from "../../lib/publicity/batches";
import { listPublicBatchEntries, listStaffBatchEntries } from "../../lib/publicity/entries";
import { listOpenObjections } from "../../lib/publicity/objections";
import { batchListFilterSchema } from "../../lib/publicity/schemas";
import { listRechecks, getRecheck } from "../../lib/rechecks/recheck-service";
import { recheckFilterSchema } from "../../lib/rechecks/schemas";
import { getReviewDashboard } from "../../lib/review/dashboard";
import { getReviewDetail } from "../../lib/review/detail";
import { listReviewQueue } from "../../lib/review/queue";
import { queueFilterSchema } from "../../lib/review/schemas";
import { compareHousehold } from "../../lib/shared-data/comparison-service";
import { listBatches } from "../../lib/shared-data/import-service";
import { batchFilterSchema } from "../../lib/shared-data/schemas";
import { BENCH_MUNICIPAL_ID, BENCH_NOW, benchOfficerId } from "./generate";

export interface Query {
  text: string;
  values?: unknown[];
}

export interface BenchCase {
  name: string;
  service: () => Promise<unknown>;
  /** The floor: these statements, one after the other, on a plain connection pool. */
  sql: Query[];
}

const TODAY = "DATE '2026-12-01'";

/** The queue's rows: the page's applications with their applicant (masked later) and household size. */
function queueRows(where: string, values: unknown[], offset: number): Query {
  return {
    text: `SELECT a."id", a."applicationNo", a."status", a."source", a."districtCode", a."estateLevel",
        a."isPriority", a."submittedAt", a."acceptedAt", a."firstReviewDueDate", a."secondReviewDueDate", a."precheckEligible",
        a."householdSize", a."applicantName", a."applicantIdMasked"
      FROM "Application" a
      WHERE ${where}
      ORDER BY a."dueDate" ASC NULLS LAST, a."submittedAt" ASC NULLS LAST, a."id" ASC
      LIMIT 20 OFFSET ${offset}`,
    values,
  };
}

function queueCount(where: string, values: unknown[]): Query {
  return { text: `SELECT count(*) FROM "Application" a WHERE ${where}`, values };
}

export interface Samples {
  district: string;
  inReview: { id: string; applicationNo: string; applicantName: string; residentId: string };
  pendingAppealId: string;
  recheckId: string;
  auditId: string;
  bigBatchId: string;
  /** An application number in the middle of the big batch (its public page is searched by it). */
  bigBatchEntryNo: string;
  closedBatchId: string;
}

/** Rows the cases ask for by id: the district with most applications and one of its applications in review. */
export async function pickSamples(db: pg.Pool): Promise<Samples> {
  const one = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T> => {
    const row = (await db.query<T>(text, values)).rows[0];
    if (!row) throw new Error(`bench:scale: the data set has no row for ${text}`);
    return row;
  };
  const { district } = await one<{ district: string }>(
    `SELECT "districtCode" AS district FROM "Application" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const inReview = await one<Samples["inReview"]>(
    `SELECT a."id", a."applicationNo", m."name" AS "applicantName", m."residentId" FROM "Application" a
     JOIN "HouseholdMember" m ON m."applicationId" = a."id" AND m."relationship" = 'APPLICANT'
     WHERE a."districtCode" = $1 AND a."status" = 'ACCEPTED' ORDER BY a."id" LIMIT 1`,
    [district],
  );
  const { id: pendingAppealId } = await one<{ id: string }>(`SELECT "id" FROM "Appeal" WHERE "status" = 'LODGED' ORDER BY "id" LIMIT 1`);
  const { id: recheckId } = await one<{ id: string }>(
    `SELECT "id" FROM "AnnualRecheck" WHERE "districtCode" = $1 AND "status" = 'PENDING' ORDER BY "id" LIMIT 1`,
    [district],
  );
  const { id: auditId } = await one<{ id: string }>(
    `SELECT "id" FROM "ReviewAudit" WHERE "districtCode" = $1 AND "status" = 'IN_PROGRESS' LIMIT 1`,
    [district],
  );
  const { id: bigBatchId } = await one<{ id: string }>(
    `SELECT "id" FROM "PublicityBatch" WHERE "status" = 'PUBLISHED' ORDER BY "entryCount" DESC, "id" LIMIT 1`,
  );
  const { applicationNo: bigBatchEntryNo } = await one<{ applicationNo: string }>(
    `SELECT "applicationNo" FROM "PublicityEntry" WHERE "batchId" = $1 ORDER BY "applicationNo" OFFSET (SELECT count(*) / 2 FROM "PublicityEntry" WHERE "batchId" = $1) LIMIT 1`,
    [bigBatchId],
  );
  const { id: closedBatchId } = await one<{ id: string }>(
    `SELECT "id" FROM "PublicityBatch" WHERE "districtCode" = $1 AND "status" = 'CLOSED' ORDER BY "startDate" DESC LIMIT 1`,
    [district],
  );
  return { district, inReview, pendingAppealId, recheckId, auditId, bigBatchId, bigBatchEntryNo, closedBatchId };
}

export function benchCases(s: Samples): BenchCase[] {
  const officer: Actor = { id: benchOfficerId(s.district), role: "DISTRICT_OFFICER", districtCode: s.district };
  const municipal: Actor = { id: BENCH_MUNICIPAL_ID, role: "MUNICIPAL_OFFICER", districtCode: null };
  const now = BENCH_NOW;
  const queue = (actor: Actor, filter: Record<string, unknown>) => () => listReviewQueue(actor, queueFilterSchema.parse(filter), { now });
  const inDistrict = `a."districtCode" = $1 AND a."inReviewQueue"`;
  const app = s.inReview;

  return [
    {
      name: "review queue, district, page 1",
      service: queue(officer, {}),
      sql: [queueCount(inDistrict, [s.district]), queueRows(inDistrict, [s.district], 0)],
    },
    {
      name: "review queue, city, page 1",
      service: queue(municipal, {}),
      sql: [queueCount(`a."inReviewQueue"`, []), queueRows(`a."inReviewQueue"`, [], 0)],
    },
    {
      name: "review queue, city, page 50",
      service: queue(municipal, { page: "50" }),
      sql: [queueCount(`a."inReviewQueue"`, []), queueRows(`a."inReviewQueue"`, [], 980)],
    },
    {
      name: "review queue, district, overdue acceptances",
      service: queue(officer, { stage: "ACCEPTED", overdue: "1" }),
      sql: [
        queueCount(`a."districtCode" = $1 AND a."inReviewQueue" AND a."status" = 'ACCEPTED' AND a."firstReviewDueDate" < ${TODAY}`, [s.district]),
        queueRows(`a."districtCode" = $1 AND a."inReviewQueue" AND a."status" = 'ACCEPTED' AND a."firstReviewDueDate" < ${TODAY}`, [s.district], 0),
      ],
    },
    {
      name: "review queue, search by application number",
      service: queue(officer, { q: app.applicationNo }),
      sql: [
        queueCount(`${inDistrict} AND a."applicationNo" = $2`, [s.district, app.applicationNo]),
        queueRows(`${inDistrict} AND a."applicationNo" = $2`, [s.district, app.applicationNo], 0),
      ],
    },
    {
      name: "review queue, search by name",
      service: queue(officer, { q: app.applicantName }),
      sql: [
        queueCount(
          `${inDistrict} AND strpos(a."applicantName", $2) > 0`,
          [s.district, app.applicantName],
        ),
        queueRows(
          `${inDistrict} AND strpos(a."applicantName", $2) > 0`,
          [s.district, app.applicantName],
          0,
        ),
      ],
    },
    {
      name: "review queue, search by full resident ID",
      service: queue(officer, { q: app.residentId }),
      sql: [
        queueCount(`${inDistrict} AND a."id" IN (SELECT h."applicationId" FROM "HouseholdMember" h WHERE h."residentId" = $2)`, [
          s.district,
          app.residentId,
        ]),
        queueRows(`${inDistrict} AND a."id" IN (SELECT h."applicationId" FROM "HouseholdMember" h WHERE h."residentId" = $2)`, [s.district, app.residentId], 0),
      ],
    },
    {
      name: "review detail",
      service: () => getReviewDetail(officer, app.applicationNo, { now }),
      sql: [
        {
          text: `SELECT a.*, d.* FROM "Application" a LEFT JOIN "ApplicationDeclaration" d ON d."applicationId" = a."id" WHERE a."applicationNo" = $1`,
          values: [app.applicationNo],
        },
        { text: `SELECT * FROM "HouseholdMember" WHERE "applicationId" = $1 ORDER BY "relationship", "birthDate"`, values: [app.id] },
        {
          text: `SELECT p."rank", e."code", e."name", e."nameEn" FROM "ApplicationEstatePreference" p JOIN "Estate" e ON e."id" = p."estateId" WHERE p."applicationId" = $1 ORDER BY p."rank"`,
          values: [app.id],
        },
        { text: `SELECT "id", "kind", "fileName", "sizeBytes", "uploadedAt" FROM "Document" WHERE "applicationId" = $1 ORDER BY "uploadedAt"`, values: [app.id] },
        {
          text: `SELECT e.*, u."name" FROM "ApplicationStatusEvent" e LEFT JOIN "User" u ON u."id" = e."actorId" WHERE e."applicationId" = $1 ORDER BY e."at", e."id"`,
          values: [app.id],
        },
        {
          text: `SELECT r.*, u."name" FROM "ReviewDecision" r JOIN "User" u ON u."id" = r."officerId" WHERE r."applicationId" = $1 ORDER BY r."decidedAt"`,
          values: [app.id],
        },
        { text: `SELECT * FROM "Appeal" WHERE "applicationId" = $1 ORDER BY "lodgedAt"`, values: [app.id] },
        {
          text: `SELECT e."id", e."outcome", b."id", b."title", b."startDate", b."endDate", b."status", o."id", o."status", o."outcome"
            FROM "PublicityEntry" e JOIN "PublicityBatch" b ON b."id" = e."batchId" LEFT JOIN "Objection" o ON o."entryId" = e."id" WHERE e."applicationId" = $1`,
          values: [app.id],
        },
      ],
    },
    {
      name: "review dashboard, district",
      service: () => getReviewDashboard(officer, { now }),
      sql: dashboardSql(`a."districtCode" = $1`, [s.district]),
    },
    {
      name: "review dashboard, city",
      service: () => getReviewDashboard(municipal, { now }),
      sql: dashboardSql(`true`, []),
    },
    {
      name: "district records",
      service: () => getDistrictOverview(officer, s.district, { now }),
      sql: districtRecordsSql(s.district),
    },
    {
      name: "appeals, pending",
      service: () => listAppeals(municipal, appealFilterSchema.parse({ status: "pending" })),
      sql: [
        { text: `SELECT count(*) FROM "Appeal" WHERE "status" IN ('LODGED','UNDER_REVIEW')` },
        {
          text: `SELECT p."id", p."appealedStatus", p."lodgedAt", p."deadline", p."status", a."applicationNo", a."districtCode", a."applicantName", a."applicantIdMasked"
            FROM "Appeal" p JOIN "Application" a ON a."id" = p."applicationId"
            WHERE p."status" IN ('LODGED','UNDER_REVIEW') ORDER BY p."status", p."lodgedAt", p."id" LIMIT 20`,
        },
      ],
    },
    {
      name: "appeal detail",
      service: () => getAppealDetail(municipal, s.pendingAppealId),
      sql: [
        {
          text: `SELECT p.*, a."applicationNo", a."status" FROM "Appeal" p JOIN "Application" a ON a."id" = p."applicationId" WHERE p."id" = $1`,
          values: [s.pendingAppealId],
        },
        { text: `SELECT * FROM "ReviewDecision" WHERE "applicationId" = (SELECT "applicationId" FROM "Appeal" WHERE "id" = $1)`, values: [s.pendingAppealId] },
        { text: `SELECT * FROM "Document" WHERE "appealId" = $1`, values: [s.pendingAppealId] },
      ],
    },
    {
      name: "re-checks, district, pending",
      service: () => listRechecks(officer, recheckFilterSchema.parse({})),
      sql: [
        { text: `SELECT count(*) FROM "AnnualRecheck" WHERE "districtCode" = $1 AND "kind" = 'QUALIFICATION' AND "status" = 'PENDING'`, values: [s.district] },
        { text: `SELECT DISTINCT "year" FROM "AnnualRecheck" WHERE "districtCode" = $1 AND "kind" = 'QUALIFICATION' ORDER BY 1 DESC`, values: [s.district] },
        {
          text: `SELECT r."id", r."year", r."status", r."dueDate", r."createdAt", a."applicationNo", a."applicantName"
            FROM "AnnualRecheck" r JOIN "Qualification" q ON q."id" = r."qualificationId" JOIN "Application" a ON a."id" = q."applicationId"
            WHERE r."districtCode" = $1 AND r."kind" = 'QUALIFICATION' AND r."status" = 'PENDING' ORDER BY r."createdAt" DESC, r."id" LIMIT 20`,
          values: [s.district],
        },
      ],
    },
    {
      name: "re-check detail",
      service: () => getRecheck(officer, s.recheckId),
      sql: [
        {
          text: `SELECT r.*, q."status", a."applicationNo" FROM "AnnualRecheck" r JOIN "Qualification" q ON q."id" = r."qualificationId" JOIN "Application" a ON a."id" = q."applicationId" WHERE r."id" = $1`,
          values: [s.recheckId],
        },
        {
          text: `SELECT "id", "name", "relationship" FROM "HouseholdMember" WHERE "applicationId" = (SELECT q."applicationId" FROM "AnnualRecheck" r JOIN "Qualification" q ON q."id" = r."qualificationId" WHERE r."id" = $1) ORDER BY "relationship", "id"`,
          values: [s.recheckId],
        },
      ],
    },
    {
      name: "sample audits, city",
      service: () => listAudits(municipal, auditListFilterSchema.parse({})),
      sql: [
        { text: `SELECT count(*) FROM "ReviewAudit"` },
        {
          text: `SELECT u."id", u."districtCode", u."periodStart", u."periodEnd", u."status", u."startedAt", u."completedAt", u."sampleSize", d."name", d."nameEn", a."name"
            FROM "ReviewAudit" u JOIN "District" d ON d."code" = u."districtCode" JOIN "User" a ON a."id" = u."auditorId"
            ORDER BY u."startedAt" DESC, u."id" LIMIT 20`,
        },
      ],
    },
    {
      name: "sample audit detail",
      service: () => getAudit(municipal, s.auditId, now),
      sql: [
        { text: `SELECT * FROM "ReviewAudit" WHERE "id" = $1`, values: [s.auditId] },
        {
          text: `SELECT i.*, r."level", r."outcome", r."decidedAt", r."dueDate", a."applicationNo" FROM "ReviewAuditItem" i
            JOIN "ReviewDecision" r ON r."id" = i."reviewDecisionId" JOIN "Application" a ON a."id" = r."applicationId" WHERE i."auditId" = $1 ORDER BY i."id"`,
          values: [s.auditId],
        },
        { text: `SELECT * FROM "Rectification" WHERE "auditId" = $1`, values: [s.auditId] },
        {
          text: `SELECT "data" FROM "AuditLog" WHERE "entityType" = 'ReviewAudit' AND "entityId" = $1 AND "action" = 'reviewAudit.create' ORDER BY "id" LIMIT 1`,
          values: [s.auditId],
        },
      ],
    },
    {
      name: "shared-data comparison of a household",
      service: () => compareHousehold(officer, app.id, { onDate: "2026-12-01" }),
      sql: [
        { text: `SELECT a."id", a."districtCode", a."submittedAt" FROM "Application" a WHERE a."id" = $1`, values: [app.id] },
        { text: `SELECT * FROM "HouseholdMember" WHERE "applicationId" = $1`, values: [app.id] },
        { text: `SELECT * FROM "ApplicationDeclaration" WHERE "applicationId" = $1`, values: [app.id] },
        {
          text: `SELECT r."residentId", r."source", r."fields", r."batchId", b."asOfDate", b."importedAt" FROM "SharedDataRecord" r JOIN "SharedDataImportBatch" b ON b."id" = r."batchId"
            WHERE r."residentId" IN (SELECT "residentId" FROM "HouseholdMember" WHERE "applicationId" = $1) AND r."errors" IS NULL AND b."status" = 'COMPLETED' ORDER BY r."id"`,
          values: [app.id],
        },
        { text: `SELECT DISTINCT "source" FROM "SharedDataImportBatch" WHERE "status" = 'COMPLETED'` },
      ],
    },
    {
      name: "shared-data imports",
      service: () => listBatches(municipal, batchFilterSchema.parse({})),
      sql: [
        { text: `SELECT count(*) FROM "SharedDataImportBatch"` },
        { text: `SELECT b.*, u."name" FROM "SharedDataImportBatch" b JOIN "User" u ON u."id" = b."importedById" ORDER BY b."importedAt" DESC, b."id" LIMIT 20` },
      ],
    },
    {
      name: "publicity, district batches",
      service: () => listStaffBatches(officer, batchListFilterSchema.parse({}), { now }),
      sql: [
        { text: `SELECT count(*) FROM "PublicityBatch" WHERE "districtCode" = $1`, values: [s.district] },
        {
          text: `SELECT b."id", b."title", b."districtCode", d."name", d."nameEn", b."startDate", b."endDate", b."status", b."entryCount"
            FROM "PublicityBatch" b JOIN "District" d ON d."code" = b."districtCode" WHERE b."districtCode" = $1 ORDER BY b."startDate" DESC, b."createdAt" DESC, b."id" LIMIT 20`,
          values: [s.district],
        },
        {
          // The page's batches' open objections.
          text: `SELECT o."batchId", count(*) FROM "Objection" o WHERE o."status" <> 'CLOSED' AND o."batchId" IN
            (SELECT "id" FROM "PublicityBatch" WHERE "districtCode" = $1 ORDER BY "startDate" DESC, "createdAt" DESC, "id" LIMIT 20) GROUP BY 1`,
          values: [s.district],
        },
      ],
    },
    {
      name: "publicity, awaiting publication",
      service: () => listPublishable(officer, {}, { now }),
      sql: [
        {
          text: `SELECT count(*) FROM "Application" WHERE "districtCode" = $1 AND "status" = 'SECOND_REVIEW_PASSED' AND "statusChangedAt" <= $2`,
          values: [s.district, now],
        },
        {
          text: `SELECT a."id", a."applicationNo", a."districtCode", a."estateLevel", a."preferredUnitType", a."isPriority", a."statusChangedAt",
              a."applicantName", a."applicantIdMasked", a."householdSize"
            FROM "Application" a
            WHERE a."districtCode" = $1 AND a."status" = 'SECOND_REVIEW_PASSED' AND a."statusChangedAt" <= $2 ORDER BY a."districtCode", a."statusChangedAt", a."id" LIMIT 50`,
          values: [s.district, now],
        },
      ],
    },
    {
      name: "publicity, open objections",
      service: () => listOpenObjections(officer),
      sql: [
        {
          text: `SELECT o."id", o."receivedAt", o."status", o."referenceNo", e."displayName", e."applicationNo", b."id", b."title"
            FROM "Objection" o JOIN "PublicityEntry" e ON e."id" = o."entryId" JOIN "PublicityBatch" b ON b."id" = o."batchId"
            WHERE o."status" <> 'CLOSED' AND b."districtCode" = $1 ORDER BY o."receivedAt", o."id" LIMIT 50`,
          values: [s.district],
        },
      ],
    },
    {
      name: "publicity batch (officer), 10,000 entries",
      service: () => Promise.all([getStaffBatch(municipal, s.bigBatchId, { now }), listStaffBatchEntries(municipal, s.bigBatchId, { page: 100 })]),
      sql: staffBatchSql(s.bigBatchId),
    },
    {
      name: "public: publicity list",
      service: () => listPublicBatches(batchListFilterSchema.parse({}), { now }),
      sql: [
        { text: `SELECT count(*) FROM "PublicityBatch" WHERE "status" <> 'DRAFT'` },
        {
          text: `SELECT b."id", b."title", b."districtCode", d."name", d."nameEn", b."startDate", b."endDate", b."status", b."entryCount"
            FROM "PublicityBatch" b JOIN "District" d ON d."code" = b."districtCode" WHERE b."status" IN ('PUBLISHED','CLOSED') ORDER BY b."startDate" DESC, b."createdAt" DESC, b."id" LIMIT 20`,
        },
      ],
    },
    {
      name: "public: publicity batch, 10,000 entries, page 1",
      service: () => Promise.all([getPublicBatch(s.bigBatchId, { now }), listPublicBatchEntries(s.bigBatchId, {}, { now })]),
      sql: publicBatchSql(s.bigBatchId, 0),
    },
    {
      name: "public: the same batch, page 150",
      service: () => Promise.all([getPublicBatch(s.bigBatchId, { now }), listPublicBatchEntries(s.bigBatchId, { page: 150 }, { now })]),
      sql: publicBatchSql(s.bigBatchId, 149 * 50),
    },
    {
      name: "public: the same batch, searched by number",
      service: () => Promise.all([getPublicBatch(s.bigBatchId, { now }), listPublicBatchEntries(s.bigBatchId, { q: s.bigBatchEntryNo }, { now })]),
      sql: publicBatchSql(s.bigBatchId, 0, s.bigBatchEntryNo),
    },
    {
      name: "public: closed publicity batch",
      service: () => Promise.all([getPublicBatch(s.closedBatchId, { now }), listPublicBatchEntries(s.closedBatchId, {}, { now })]),
      sql: publicBatchSql(s.closedBatchId, 0),
    },
  ];
}

/**
 * A batch page: the batch (with its stored entry count), the matching entries' count when
 * searched, and 50 entries in application-number order with what the public list shows.
 */
function publicBatchSql(batchId: string, offset: number, q?: string): Query[] {
  const match = q ? `AND e."applicationNo" >= $2 AND e."applicationNo" < $2 || '~' ORDER BY e."applicationNo" LIMIT 50 OFFSET ${offset}` : `AND e."position" > ${offset} ORDER BY e."position" LIMIT 50`;
  const values = q ? [batchId, q] : [batchId];
  return [
    { text: `SELECT b.*, d."name", d."nameEn" FROM "PublicityBatch" b JOIN "District" d ON d."code" = b."districtCode" WHERE b."id" = $1`, values: [batchId] },
    { text: `SELECT "status", "startDate", "endDate", "entryCount" FROM "PublicityBatch" WHERE "id" = $1`, values: [batchId] },
    ...(q ? [{ text: `SELECT count(*) FROM "PublicityEntry" e WHERE e."batchId" = $1 AND e."applicationNo" >= $2 AND e."applicationNo" < $2 || '~'`, values }] : []),
    {
      text: `SELECT e."id", e."applicationNo", e."displayName", e."maskedResidentId", e."householdSize", e."outcome", a."estateLevel", a."preferredUnitType", a."status"
        FROM "PublicityEntry" e JOIN "Application" a ON a."id" = e."applicationId" WHERE e."batchId" = $1 ${match}`,
      values,
    },
  ];
}

/** The officers' batch page: the batch, the entries with objections, and a page of entries with their objections. */
function staffBatchSql(batchId: string): Query[] {
  return [
    {
      text: `SELECT b.*, d."name", d."nameEn", u."name" FROM "PublicityBatch" b JOIN "District" d ON d."code" = b."districtCode" LEFT JOIN "User" u ON u."id" = b."publishedById" WHERE b."id" = $1`,
      values: [batchId],
    },
    {
      text: `SELECT e."applicationNo", e."displayName", o."status" FROM "Objection" o JOIN "PublicityEntry" e ON e."id" = o."entryId" WHERE o."batchId" = $1 ORDER BY e."applicationNo" LIMIT 800`,
      values: [batchId],
    },
    { text: `SELECT "districtCode", "entryCount" FROM "PublicityBatch" WHERE "id" = $1`, values: [batchId] },
    {
      text: `SELECT e.*, a."status", o.* FROM (SELECT * FROM "PublicityEntry" WHERE "batchId" = $1 AND "position" > 4950 ORDER BY "position" LIMIT 50) e
        JOIN "Application" a ON a."id" = e."applicationId" LEFT JOIN "Objection" o ON o."entryId" = e."id" ORDER BY e."position"`,
      values: [batchId],
    },
  ];
}

/** The dashboard's figures: counts by district and stage, overdue counts, open objections, appeals, the overdue list. */
function dashboardSql(where: string, values: unknown[]): Query[] {
  const tracked = `('SUBMITTED','ACCEPTED','FIRST_REVIEW_PASSED','SECOND_REVIEW_PASSED','IN_PUBLICITY','FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','OBJECTION_UPHELD','APPEALED')`;
  const overdue = `((a."status" = 'ACCEPTED' AND a."firstReviewDueDate" < ${TODAY}) OR (a."status" = 'FIRST_REVIEW_PASSED' AND a."secondReviewDueDate" < ${TODAY}))`;
  return [
    { text: `SELECT a."districtCode", a."status", count(*) FROM "Application" a WHERE ${where} AND a."status" IN ${tracked} GROUP BY 1, 2`, values },
    { text: `SELECT a."districtCode", count(*) FROM "Application" a WHERE ${where} AND a."inReviewQueue" AND ${overdue} GROUP BY 1`, values },
    {
      text: `SELECT b."districtCode", count(*) FROM "Objection" o JOIN "PublicityBatch" b ON b."id" = o."batchId"
        WHERE o."status" <> 'CLOSED' AND ${where.replace(/a\."districtCode"/g, 'b."districtCode"')} GROUP BY 1`,
      values,
    },
    { text: `SELECT count(*) FROM "Appeal" WHERE "status" IN ('LODGED','UNDER_REVIEW')` },
    {
      text: `SELECT a."applicationNo", a."status", a."districtCode", a."firstReviewDueDate", a."secondReviewDueDate", a."applicantName", a."applicantIdMasked"
        FROM "Application" a
        WHERE ${where} AND a."inReviewQueue" AND ${overdue} ORDER BY a."dueDate" ASC NULLS LAST, a."id" LIMIT 20`,
      values,
    },
  ];
}

/** The district records page: its figures, counts by status and stage, and the short lists. */
function districtRecordsSql(district: string): Query[] {
  const d = [district];
  const year = [district, "2025-12-31T16:00:00Z", "2026-12-31T16:00:00Z"];
  const inReview = `"districtCode" = $1 AND "status" IN ('ACCEPTED','FIRST_REVIEW_PASSED')`;
  const due = `(("status" = 'ACCEPTED' AND "firstReviewDueDate" <= ${TODAY}) OR ("status" = 'FIRST_REVIEW_PASSED' AND "secondReviewDueDate" <= ${TODAY}))`;
  return [
    { text: `SELECT "code", "name", "nameEn", "kind", "isCentralUrban" FROM "District" WHERE "code" = $1`, values: d },
    { text: `SELECT count(*) FROM "User" WHERE "districtCode" = $1 AND "role" = 'DISTRICT_OFFICER' AND "isActive"`, values: d },
    { text: `SELECT "status", count(*) FROM "Application" WHERE "districtCode" = $1 AND "status" <> 'DRAFT' GROUP BY 1`, values: d },
    {
      text: `SELECT "status", count(*) FILTER (WHERE ("status" = 'ACCEPTED' AND "firstReviewDueDate" < ${TODAY}) OR ("status" = 'FIRST_REVIEW_PASSED' AND "secondReviewDueDate" < ${TODAY})),
          count(*) FILTER (WHERE ("status" = 'ACCEPTED' AND "firstReviewDueDate" = ${TODAY}) OR ("status" = 'FIRST_REVIEW_PASSED' AND "secondReviewDueDate" = ${TODAY}))
        FROM "Application" WHERE ${inReview} GROUP BY 1`,
      values: d,
    },
    { text: `SELECT count(*) FROM "Application" WHERE "districtCode" = $1 AND "submittedAt" >= $2 AND "submittedAt" < $3`, values: year },
    { text: `SELECT count(*) FROM "Application" WHERE "districtCode" = $1 AND "acceptedAt" >= $2 AND "acceptedAt" < $3`, values: year },
    { text: `SELECT count(*) FROM "Application" WHERE "districtCode" = $1 AND "qualifiedAt" >= $2 AND "qualifiedAt" < $3`, values: year },
    { text: `SELECT count(*) FROM "Application" WHERE "districtCode" = $1 AND "rejectionNotifiedAt" >= $2 AND "rejectionNotifiedAt" < $3`, values: year },
    {
      text: `SELECT "applicationNo", "status", "firstReviewDueDate", "secondReviewDueDate", "applicantName", "applicantIdMasked" FROM "Application"
        WHERE ${inReview} AND ${due} ORDER BY "dueDate" ASC NULLS LAST, "id" LIMIT 10`,
      values: d,
    },
    {
      text: `SELECT b."id", b."title", b."startDate", b."endDate", b."entryCount", count(*) OVER () AS total FROM "PublicityBatch" b
        WHERE b."districtCode" = $1 AND b."status" = 'PUBLISHED' ORDER BY b."endDate", b."id" LIMIT 10`,
      values: d,
    },
    {
      text: `SELECT o."batchId", count(*) FROM "Objection" o WHERE o."status" <> 'CLOSED' AND o."batchId" IN (SELECT "id" FROM "PublicityBatch" WHERE "districtCode" = $1 AND "status" = 'PUBLISHED') GROUP BY 1`,
      values: d,
    },
    {
      text: `SELECT o."id", o."referenceNo", o."receivedAt", o."status", o."batchId", e."displayName", e."applicationNo", count(*) OVER () AS total
        FROM "Objection" o JOIN "PublicityEntry" e ON e."id" = o."entryId" JOIN "PublicityBatch" b ON b."id" = o."batchId"
        WHERE o."status" <> 'CLOSED' AND b."districtCode" = $1 ORDER BY o."receivedAt", o."id" LIMIT 10`,
      values: d,
    },
    {
      text: `SELECT p."id", p."status", p."appealedStatus", p."lodgedAt", a."applicationNo", count(*) OVER () AS total
        FROM "Appeal" p JOIN "Application" a ON a."id" = p."applicationId" WHERE p."status" IN ('LODGED','UNDER_REVIEW') AND a."districtCode" = $1 ORDER BY p."lodgedAt", p."id" LIMIT 10`,
      values: d,
    },
    { text: `SELECT count(*) FROM "AnnualRecheck" WHERE "districtCode" = $1 AND "kind" = 'QUALIFICATION' AND "status" = 'PENDING'`, values: d },
    {
      text: `SELECT count(*) FILTER (WHERE "status" IN ('OPEN','REOPENED')), count(*) FILTER (WHERE "status" IN ('OPEN','REOPENED') AND "dueDate" < ${TODAY}),
          count(*) FILTER (WHERE "status" = 'REPORTED') FROM "Rectification" WHERE "districtCode" = $1`,
      values: d,
    },
    {
      text: `SELECT "id", "requirement", "status", "dueDate" FROM "Rectification" WHERE "districtCode" = $1 AND "status" IN ('OPEN','REOPENED') ORDER BY "dueDate", "id" LIMIT 10`,
      values: d,
    },
  ];
}
