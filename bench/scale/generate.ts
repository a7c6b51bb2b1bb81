// The city-sized data set of `npm run bench:scale`, written with plain SQL (INSERT … SELECT
// generate_series) on one connection: districts and officers, applications with a realistic mix
// of statuses, their household members (valid resident ID numbers, unique), status histories,
// review decisions, publicity batches (one of 10,000 entries), objections, appeals,
// qualifications, this year's re-checks, sample audits and shared-data records.
//
// Every value is a function of the row number, so two runs of one size generate the same rows.
import type pg from "pg";
import { CHONGQING_DISTRICTS } from "../../lib/reference/districts";

export interface ScaleSize {
  applications: number;
}

/** The moment the data set is "now": in-review applications were submitted in the days before it. */
export const BENCH_NOW = new Date("2026-12-01T02:00:00Z");
const NOW_SQL = "TIMESTAMP '2026-12-01 02:00:00'";

const CENTRAL = CHONGQING_DISTRICTS.filter((d) => d.isCentralUrban).map((d) => d.code);
const OTHER = CHONGQING_DISTRICTS.filter((d) => !d.isCentralUrban).map((d) => d.code);

/** Officer ids, one district officer per district and one municipal officer. */
export const benchOfficerId = (districtCode: string): string => `bench-officer-${districtCode}`;
export const BENCH_MUNICIPAL_ID = "bench-municipal";

/**
 * Status by a row's bucket (0-999): about 5 % in review (submitted, accepted, first review
 * passed), 1 % in publicity, some waiting for publicity, refused or appealed, the rest finished.
 */
const STATUS_CASE = `CASE
  WHEN b < 10 THEN 'SUBMITTED'
  WHEN b < 35 THEN 'ACCEPTED'
  WHEN b < 50 THEN 'FIRST_REVIEW_PASSED'
  WHEN b < 55 THEN 'SECOND_REVIEW_PASSED'
  WHEN b < 65 THEN 'IN_PUBLICITY'
  WHEN b < 68 THEN 'FIRST_REVIEW_REJECTED'
  WHEN b < 70 THEN 'SECOND_REVIEW_REJECTED'
  WHEN b < 72 THEN 'APPEALED'
  WHEN b < 74 THEN 'RETURNED'
  WHEN b < 77 THEN 'DRAFT'
  WHEN b < 377 THEN 'QUALIFIED'
  WHEN b < 627 THEN 'HOUSED'
  WHEN b < 827 THEN 'REJECTED'
  WHEN b < 927 THEN 'WITHDRAWN'
  ELSE 'CANCELLED' END`;

/** How far an application got, as the number of status events it has. */
const DEPTH_CASE = `CASE status
  WHEN 'DRAFT' THEN 0 WHEN 'SUBMITTED' THEN 1 WHEN 'RETURNED' THEN 1 WHEN 'ACCEPTED' THEN 2
  WHEN 'FIRST_REVIEW_PASSED' THEN 3 WHEN 'FIRST_REVIEW_REJECTED' THEN 3 WHEN 'SECOND_REVIEW_PASSED' THEN 4
  WHEN 'SECOND_REVIEW_REJECTED' THEN 4 WHEN 'IN_PUBLICITY' THEN 5 WHEN 'APPEALED' THEN 5
  WHEN 'QUALIFIED' THEN 6 WHEN 'HOUSED' THEN 8 WHEN 'REJECTED' THEN 5 WHEN 'WITHDRAWN' THEN 3
  ELSE 7 END`;

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强玉兰海燕春梅文斌俊杰欣怡子涵雨轩浩然梓萱宇航思远佳琪晨曦";

/** The GB 11643 check digit's weighted sum, written out (a subquery per person would be slower). */
const CHECKSUM_TERMS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  .map((w, k) => `substr(body, ${k + 1}, 1)::int * ${w}`)
  .join(" + ");

function sqlList(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;
}

export interface GenerationStep {
  label: string;
  sql: string;
}

/** The statements, in order; each is one step of the progress the bench prints. */
export function generationSteps(size: ScaleSize): GenerationStep[] {
  const n = size.applications;
  const districtValues = CHONGQING_DISTRICTS.map(
    (d) => `('${d.code}', '${d.name}', '${d.nameEn.replace(/'/g, "''")}', '${d.kind}', ${d.isCentralUrban})`,
  ).join(",\n");
  return [
    {
      label: "resident ID function",
      sql: `
CREATE OR REPLACE FUNCTION pg_temp.bench_rid(region text, birth date, seq int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT body || substr('10X98765432', (${CHECKSUM_TERMS}) % 11 + 1, 1)
  FROM (SELECT region || to_char(birth, 'YYYYMMDD') || lpad(seq::text, 3, '0') AS body) b
$$;
-- Member k of application i: birth date and the sequence that makes the resident ID unique.
CREATE OR REPLACE FUNCTION pg_temp.bench_birth(i bigint, k int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN k <= 2 THEN DATE '1950-01-01' + ((i * 4 + k) % 18000)::int ELSE DATE '2008-01-01' + ((i * 4 + k) % 6000)::int END
$$;
CREATE OR REPLACE FUNCTION pg_temp.bench_person_rid(district text, i bigint, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  -- Unique while i * 4 + k stays below 6,000,000 (1.5 million applications): adults and children
  -- are born in ranges of days that do not overlap, each counted round with its own sequence.
  SELECT pg_temp.bench_rid(district, pg_temp.bench_birth(i, k), (((i * 4 + k) / CASE WHEN k <= 2 THEN 18000 ELSE 6000 END) % 1000)::int)
$$;
CREATE OR REPLACE FUNCTION pg_temp.bench_name(i bigint, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substr('${SURNAMES}', 1 + ((i * 31 + k * 7) % ${[...SURNAMES].length})::int, 1)
    || substr('${GIVEN}', 1 + ((i * 17 + k) % ${[...GIVEN].length})::int, 1)
    || CASE WHEN (i + k) % 3 = 0 THEN '' ELSE substr('${GIVEN}', 1 + ((i * 13 + k * 3) % ${[...GIVEN].length})::int, 1) END
$$;`,
    },
    {
      label: "districts and officers",
      sql: `
INSERT INTO "District" ("code", "name", "nameEn", "kind", "isCentralUrban") VALUES ${districtValues}
ON CONFLICT ("code") DO NOTHING;
INSERT INTO "User" ("id", "username", "passwordHash", "name", "role", "districtCode", "isActive", "createdAt", "updatedAt")
SELECT 'bench-officer-' || code, 'bench-' || code, 'x', name || '审核员', 'DISTRICT_OFFICER', code, true, ${NOW_SQL}, ${NOW_SQL} FROM "District";
INSERT INTO "User" ("id", "username", "passwordHash", "name", "role", "districtCode", "isActive", "createdAt", "updatedAt")
VALUES ('${BENCH_MUNICIPAL_ID}', 'bench-municipal', 'x', '市级审核员', 'MUNICIPAL_OFFICER', NULL, true, ${NOW_SQL}, ${NOW_SQL});`,
    },
    {
      label: `plan of ${n.toLocaleString("en")} applications`,
      sql: `
CREATE UNLOGGED TABLE bench_app AS
SELECT i, b, status, district, size,
  CASE WHEN status IN ('SUBMITTED','ACCEPTED','FIRST_REVIEW_PASSED','SECOND_REVIEW_PASSED','IN_PUBLICITY','RETURNED','DRAFT',
                       'FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','APPEALED')
       THEN ${NOW_SQL} - make_interval(days => (i % 12)::int, hours => (i % 9)::int)
       ELSE TIMESTAMP '2020-01-06 01:00:00' + make_interval(days => (i % 2150)::int, mins => (i % 600)::int) END AS submitted
FROM (
  SELECT i, b, ${STATUS_CASE} AS status,
    -- The city's applications in publicity are one district's month, published at once: one
    -- batch of 1 % of the applications (10,000 at the default size).
    CASE WHEN b >= 55 AND b < 65 THEN '${CENTRAL[0]}'
         WHEN (i * 2654435761) % 1000 < 600 THEN (${sqlList(CENTRAL)})[1 + (i % ${CENTRAL.length})]
         ELSE (${sqlList(OTHER)})[1 + (i % ${OTHER.length})] END AS district,
    CASE WHEN (i * 48271) % 100 < 35 THEN 1 WHEN (i * 48271) % 100 < 60 THEN 2 WHEN (i * 48271) % 100 < 80 THEN 3 ELSE 4 END AS size
  FROM (SELECT i, ((i * 7919) % 1000)::int AS b FROM generate_series(1::bigint, ${n}) i) s
) t;
ALTER TABLE bench_app ADD PRIMARY KEY (i);`,
    },
    {
      label: "applications",
      sql: `
INSERT INTO "Application" ("id", "applicationNo", "source", "contactPhone", "districtCode", "estateLevel", "status",
  "statusChangedAt", "preferredUnitType", "isPriority", "consentedAt", "declaredTrueAt", "submittedAt", "acceptedAt",
  "firstReviewDueDate", "secondReviewDueDate", "rejectionNotifiedAt", "appealDueDate", "dueDate", "qualifiedAt", "closedAt",
  "precheckEligible", "precheckAt", "referenceIncomeYear", "createdAt", "updatedAt",
  "householdSize", "applicantName", "applicantIdMasked")
SELECT 'bapp' || lpad(i::text, 8, '0'),
  'GZF-' || district || '-' || extract(year FROM submitted)::int || '-' || lpad(i::text, 7, '0'),
  (CASE WHEN i % 3 = 0 THEN 'INTAKE_API' ELSE 'PORTAL' END)::"ApplicationSource",
  '13' || lpad(((i * 7907) % 1000000000)::text, 9, '0'),
  district,
  (CASE WHEN i % 4 = 0 AND district = ANY(${sqlList(CENTRAL)}) THEN 'MUNICIPAL' ELSE 'DISTRICT' END)::"EstateLevel",
  status::"ApplicationStatus",
  submitted + interval '3 days',
  (CASE size WHEN 1 THEN 'STUDIO' WHEN 2 THEN 'ONE_BEDROOM' ELSE 'TWO_BEDROOM' END)::"UnitType",
  i % 11 = 0,
  CASE WHEN status <> 'DRAFT' THEN submitted END,
  CASE WHEN status <> 'DRAFT' THEN submitted END,
  CASE WHEN status <> 'DRAFT' THEN submitted END,
  CASE WHEN status NOT IN ('DRAFT','SUBMITTED','RETURNED') THEN submitted + interval '1 day' END,
  CASE WHEN status NOT IN ('DRAFT','SUBMITTED','RETURNED') THEN (submitted + interval '10 days')::date END,
  CASE WHEN status NOT IN ('DRAFT','SUBMITTED','RETURNED','ACCEPTED') THEN (submitted + interval '17 days')::date END,
  CASE WHEN status IN ('FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','APPEALED','REJECTED') THEN submitted + interval '2 days' END,
  CASE WHEN status IN ('FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','APPEALED','REJECTED') THEN (submitted + interval '16 days')::date END,
  CASE status WHEN 'ACCEPTED' THEN (submitted + interval '10 days')::date
              WHEN 'FIRST_REVIEW_PASSED' THEN (submitted + interval '17 days')::date
              WHEN 'IN_PUBLICITY' THEN (submitted + interval '20 days')::date
              WHEN 'FIRST_REVIEW_REJECTED' THEN (submitted + interval '16 days')::date
              WHEN 'SECOND_REVIEW_REJECTED' THEN (submitted + interval '16 days')::date END,
  CASE WHEN status IN ('QUALIFIED','HOUSED','CANCELLED') THEN submitted + interval '30 days' END,
  CASE WHEN status IN ('REJECTED','WITHDRAWN','CANCELLED') THEN submitted + interval '60 days' END,
  CASE WHEN status = 'DRAFT' THEN NULL ELSE b % 7 <> 0 END,
  CASE WHEN status <> 'DRAFT' THEN submitted END,
  CASE WHEN status <> 'DRAFT' THEN extract(year FROM submitted)::int - 1 END,
  submitted - interval '1 hour', submitted + interval '3 days',
  size, pg_temp.bench_name(i, 1),
  (SELECT substr(r, 1, 6) || '********' || right(r, 4) FROM pg_temp.bench_person_rid(district, i, 1) r)
FROM bench_app;`,
    },
    {
      label: "declarations",
      sql: `
INSERT INTO "ApplicationDeclaration" ("applicationId", "employment", "employerName", "workDistrictCode", "isMigrantWorker",
  "ownsUrbanHousingInCity", "housingFloorAreaDm2", "familyCanSupportHousing", "priorityCategories", "receivesRentalSubsidy", "updatedAt")
SELECT 'bapp' || lpad(i::text, 8, '0'),
  (CASE WHEN i % 10 = 0 THEN 'MIGRANT_SOCIAL_INSURANCE' WHEN i % 7 = 0 THEN 'PENSION' ELSE 'LABOR_CONTRACT' END)::"EmploymentBasis",
  CASE WHEN i % 7 <> 0 THEN '重庆某某有限公司' END,
  district, i % 10 = 0, i % 9 = 0, CASE WHEN i % 9 = 0 THEN 2000 + (i % 20) * 50 ELSE 0 END, false,
  (CASE WHEN i % 11 = 0 THEN ARRAY['MINIMUM_LIVING'] ELSE ARRAY[]::text[] END)::"PriorityCategory"[], false, submitted
FROM bench_app WHERE status <> 'DRAFT';`,
    },
    {
      label: "household members",
      sql: `
ALTER TABLE "HouseholdMember" DISABLE TRIGGER "HouseholdMember_summary";
INSERT INTO "HouseholdMember" ("id", "applicationId", "relationship", "name", "residentId", "sex", "birthDate",
  "maritalStatus", "fullCivilCapacity", "annualIncomeFen")
SELECT 'bmem' || lpad(a.i::text, 8, '0') || '-' || k,
  'bapp' || lpad(a.i::text, 8, '0'),
  (CASE k WHEN 1 THEN 'APPLICANT' WHEN 2 THEN 'SPOUSE' ELSE 'CHILD' END)::"Relationship",
  pg_temp.bench_name(a.i, k),
  p.rid,
  (CASE WHEN substr(p.rid, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END)::"Sex",
  pg_temp.bench_birth(a.i, k),
  (CASE WHEN k <= 2 AND a.size >= 2 THEN 'MARRIED' WHEN k = 1 THEN 'UNMARRIED' END)::"MaritalStatus",
  k <= 2,
  CASE WHEN k <= 2 THEN 1800000 + ((a.i * 7717 + k) % 4000000)::int ELSE 0 END
FROM bench_app a
CROSS JOIN LATERAL generate_series(1, a.size) k
CROSS JOIN LATERAL (SELECT pg_temp.bench_person_rid(a.district, a.i, k) AS rid) p;
-- The application rows were written with their household summary (householdSize, applicant).
ALTER TABLE "HouseholdMember" ENABLE TRIGGER "HouseholdMember_summary";`,
    },
    {
      label: "status histories",
      sql: `
INSERT INTO "ApplicationStatusEvent" ("applicationId", "fromStatus", "toStatus", "at", "actorId", "actorRole")
SELECT 'bapp' || lpad(a.i::text, 8, '0'),
  (CASE WHEN j = 1 THEN NULL ELSE (ARRAY['SUBMITTED','ACCEPTED','FIRST_REVIEW_PASSED','SECOND_REVIEW_PASSED','IN_PUBLICITY','QUALIFIED','ALLOCATED'])[j - 1] END)::"ApplicationStatus",
  (CASE WHEN j = depth THEN a.status ELSE (ARRAY['SUBMITTED','ACCEPTED','FIRST_REVIEW_PASSED','SECOND_REVIEW_PASSED','IN_PUBLICITY','QUALIFIED','ALLOCATED','HOUSED'])[j] END)::"ApplicationStatus",
  a.submitted + make_interval(days => j - 1),
  CASE WHEN j = 1 THEN NULL ELSE 'bench-officer-' || a.district END,
  (CASE WHEN j = 1 THEN NULL ELSE 'DISTRICT_OFFICER' END)::"Role"
FROM (SELECT *, ${DEPTH_CASE} AS depth FROM bench_app) a
CROSS JOIN LATERAL generate_series(1, a.depth) j;`,
    },
    {
      label: "review decisions",
      sql: `
INSERT INTO "ReviewDecision" ("id", "applicationId", "level", "officerId", "outcome", "articlesCited", "dueDate", "decidedAt", "notifiedAt", "noticeMethod")
SELECT 'brev' || lpad(a.i::text, 8, '0') || '-' || lvl,
  'bapp' || lpad(a.i::text, 8, '0'),
  (CASE lvl WHEN 1 THEN 'FIRST' ELSE 'SECOND' END)::"ReviewLevel",
  'bench-officer-' || a.district,
  (CASE WHEN (a.status = 'FIRST_REVIEW_REJECTED' AND lvl = 1) OR (a.status IN ('SECOND_REVIEW_REJECTED','REJECTED','APPEALED') AND lvl = 2)
        THEN 'REJECTED' ELSE 'PASSED' END)::"ReviewOutcome",
  CASE WHEN a.status IN ('FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','REJECTED','APPEALED') THEN ARRAY['13.4'] ELSE ARRAY[]::text[] END,
  (a.submitted + make_interval(days => 3 + 7 * lvl))::date,
  a.submitted + make_interval(days => 1 + 2 * lvl),
  CASE WHEN a.status IN ('FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','REJECTED','APPEALED') THEN a.submitted + make_interval(days => 2 + 2 * lvl) END,
  (CASE WHEN a.status IN ('FIRST_REVIEW_REJECTED','SECOND_REVIEW_REJECTED','REJECTED','APPEALED') THEN 'SMS' END)::"NoticeMethod"
FROM bench_app a
CROSS JOIN LATERAL generate_series(1, CASE
  WHEN a.status IN ('FIRST_REVIEW_PASSED','FIRST_REVIEW_REJECTED') THEN 1
  WHEN a.status IN ('SECOND_REVIEW_PASSED','SECOND_REVIEW_REJECTED','IN_PUBLICITY','APPEALED','QUALIFIED','HOUSED','CANCELLED','REJECTED') THEN 2
  ELSE 0 END) lvl;`,
    },
    {
      label: "publicity batches",
      sql: `
-- Finished applications were publicised by district and month; today's by district, except that
-- the largest district publicises its whole month at once (one batch of up to 10,000 entries).
CREATE UNLOGGED TABLE bench_pub AS
SELECT a.i, a.district,
  CASE WHEN a.status = 'IN_PUBLICITY' THEN 'now' ELSE to_char(a.submitted, 'YYYY-MM') END AS period,
  a.status = 'IN_PUBLICITY' AS open,
  a.submitted
FROM bench_app a
WHERE a.status IN ('IN_PUBLICITY','QUALIFIED','HOUSED','CANCELLED');
INSERT INTO "PublicityBatch" ("id", "districtCode", "title", "startDate", "endDate", "status", "publishedAt", "publishedById", "closedAt", "createdAt")
SELECT 'bpub-' || district || '-' || period, district,
  district || '公共租赁住房保障对象资格审核公示（' || period || '）',
  CASE WHEN open THEN DATE '2026-11-27' ELSE (period || '-20')::date END,
  CASE WHEN open THEN DATE '2026-12-04' ELSE (period || '-27')::date END,
  (CASE WHEN open THEN 'PUBLISHED' ELSE 'CLOSED' END)::"PublicityStatus",
  CASE WHEN open THEN TIMESTAMP '2026-11-27 01:00:00' ELSE (period || '-20')::timestamp END,
  'bench-officer-' || district,
  CASE WHEN open THEN NULL ELSE (period || '-28')::timestamp END,
  CASE WHEN open THEN TIMESTAMP '2026-11-27 01:00:00' ELSE (period || '-20')::timestamp END
FROM (SELECT DISTINCT district, period, open FROM bench_pub) p;
INSERT INTO "PublicityEntry" ("id", "batchId", "applicationId", "applicationNo", "displayName", "maskedResidentId", "householdSize", "outcome", "position")
SELECT e.*, row_number() OVER (PARTITION BY e."batchId" ORDER BY e."applicationNo") FROM (
  SELECT 'bent' || lpad(p.i::text, 8, '0') AS "id", 'bpub-' || p.district || '-' || p.period AS "batchId", 'bapp' || lpad(p.i::text, 8, '0'),
    (SELECT "applicationNo" FROM "Application" WHERE "id" = 'bapp' || lpad(p.i::text, 8, '0')) AS "applicationNo",
    substr(m."name", 1, 1) || repeat('*', char_length(m."name") - 1),
    substr(m."residentId", 1, 4) || '**********' || substr(m."residentId", 15, 4),
    a.size,
    (CASE WHEN p.open THEN NULL ELSE 'QUALIFIED' END)::"PublicityOutcome"
  FROM bench_pub p
  JOIN bench_app a ON a.i = p.i
  JOIN "HouseholdMember" m ON m."id" = 'bmem' || lpad(p.i::text, 8, '0') || '-1'
) e;
UPDATE "PublicityBatch" b SET "entryCount" = c.n FROM (SELECT "batchId", count(*) AS n FROM "PublicityEntry" GROUP BY 1) c WHERE c."batchId" = b."id";`,
    },
    {
      label: "objections and appeals",
      sql: `
INSERT INTO "Objection" ("id", "entryId", "batchId", "contactName", "contactPhone", "content", "receivedAt", "status", "outcome", "decidedAt", "referenceNo")
SELECT 'bobj' || lpad(p.i::text, 8, '0'), 'bent' || lpad(p.i::text, 8, '0'), 'bpub-' || p.district || '-' || p.period, '群众', '13800000000', '申请人名下有住房',
  p.submitted + interval '25 days',
  (CASE WHEN p.open AND p.i % 3 = 0 THEN 'RECEIVED' WHEN p.open THEN 'INVESTIGATING' ELSE 'CLOSED' END)::"ObjectionStatus",
  (CASE WHEN p.open THEN NULL ELSE 'NOT_UPHELD' END)::"ObjectionOutcome",
  CASE WHEN p.open THEN NULL ELSE p.submitted + interval '28 days' END,
  'YY-' || p.district || '-' || lpad(p.i::text, 8, '0')
FROM bench_pub p WHERE p.i % 97 = 0;
INSERT INTO "Appeal" ("id", "applicationId", "appealedStatus", "grounds", "lodgedAt", "deadline", "status", "decision", "decisionReason", "decidedById", "decidedAt")
SELECT 'bapl' || lpad(a.i::text, 8, '0'), 'bapp' || lpad(a.i::text, 8, '0'), 'SECOND_REVIEW_REJECTED', '收入计算有误，请复核',
  a.submitted + interval '5 days', (a.submitted + interval '40 days')::date,
  (CASE WHEN a.status = 'APPEALED' THEN (CASE WHEN a.i % 2 = 0 THEN 'LODGED' ELSE 'UNDER_REVIEW' END) ELSE 'DECIDED' END)::"AppealStatus",
  (CASE WHEN a.status = 'APPEALED' THEN NULL ELSE 'UPHELD_REJECTION' END)::"AppealDecision",
  CASE WHEN a.status = 'APPEALED' THEN NULL ELSE '经复核，原审核结论正确' END,
  CASE WHEN a.status = 'APPEALED' THEN NULL ELSE '${BENCH_MUNICIPAL_ID}' END,
  CASE WHEN a.status = 'APPEALED' THEN NULL ELSE a.submitted + interval '20 days' END
FROM bench_app a WHERE a.status = 'APPEALED' OR (a.status = 'REJECTED' AND a.i % 5 = 0);`,
    },
    {
      label: "qualifications and this year's re-checks",
      sql: `
INSERT INTO "Qualification" ("id", "applicationId", "qualifiedOn", "entitledUnitType", "isPriority", "status", "cancelledAt")
SELECT 'bqua' || lpad(a.i::text, 8, '0'), 'bapp' || lpad(a.i::text, 8, '0'), (a.submitted + interval '30 days')::date,
  (CASE a.size WHEN 1 THEN 'STUDIO' WHEN 2 THEN 'ONE_BEDROOM' ELSE 'TWO_BEDROOM' END)::"UnitType",
  a.i % 11 = 0,
  (CASE a.status WHEN 'QUALIFIED' THEN 'ACTIVE' WHEN 'HOUSED' THEN 'HOUSED' ELSE 'CANCELLED' END)::"QualificationStatus",
  CASE WHEN a.status = 'CANCELLED' THEN a.submitted + interval '60 days' END
FROM bench_app a WHERE a.status IN ('QUALIFIED','HOUSED','CANCELLED');
INSERT INTO "AnnualRecheck" ("id", "kind", "year", "districtCode", "qualificationId", "status", "dueDate", "reasons", "createdAt")
SELECT 'brck' || lpad(a.i::text, 8, '0'), 'QUALIFICATION', 2026, a.district, 'bqua' || lpad(a.i::text, 8, '0'),
  (CASE WHEN a.i % 50 = 0 THEN 'FAILED' WHEN a.i % 10 = 0 THEN 'PENDING' ELSE 'PASSED' END)::"RecheckStatus",
  DATE '2026-12-31',
  CASE WHEN a.i % 50 = 0 THEN '家庭收入超过标准' END,
  TIMESTAMP '2026-03-01 01:00:00'
FROM bench_app a WHERE a.status = 'QUALIFIED';`,
    },
    {
      label: "sample audits",
      sql: `
INSERT INTO "ReviewAudit" ("id", "districtCode", "periodStart", "periodEnd", "auditorId", "status", "startedAt", "completedAt")
SELECT 'baud-' || code || '-' || q, code, make_date(2026, q * 3 - 2, 1), (make_date(2026, q * 3 - 2, 1) + interval '3 months - 1 day')::date,
  '${BENCH_MUNICIPAL_ID}', (CASE WHEN q = 4 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END)::"ReviewAuditStatus",
  make_date(2026, q * 3 - 2, 1) + interval '3 months', CASE WHEN q < 4 THEN make_date(2026, q * 3 - 2, 1) + interval '3 months 10 days' END
FROM "District" CROSS JOIN generate_series(1, 4) q;
INSERT INTO "ReviewAuditItem" ("id", "auditId", "reviewDecisionId", "isCompliant")
SELECT 'bait-' || r."id", 'baud-' || a.district || '-4', r."id", CASE WHEN a.i % 2 = 0 THEN true END
FROM bench_app a JOIN "ReviewDecision" r ON r."applicationId" = 'bapp' || lpad(a.i::text, 8, '0') AND r."level" = 'FIRST'
WHERE a.i % 400 = 0;
UPDATE "ReviewAudit" u SET "sampleSize" = (SELECT count(*) FROM "ReviewAuditItem" i WHERE i."auditId" = u."id");
-- Each draw's record (seed and population commitment), as drawing a sample writes it: the audit's
-- page reads it to give each sampled decision its ticket.
INSERT INTO "AuditLog" ("at", "actorId", "actorRole", "action", "entityType", "entityId", "districtCode", "data")
SELECT u."startedAt", '${BENCH_MUNICIPAL_ID}', 'MUNICIPAL_OFFICER', 'reviewAudit.create', 'ReviewAudit', u."id", u."districtCode",
  jsonb_build_object('seed', md5(u."id"), 'requestedSize', u."sampleSize", 'sampleSize', u."sampleSize", 'populationSize', u."sampleSize" * 400,
    'populationCommitment', md5(u."id" || 'population'))
FROM "ReviewAudit" u;`,
    },
    {
      label: "shared-data records",
      sql: `
INSERT INTO "SharedDataImportBatch" ("id", "source", "fileName", "sha256", "asOfDate", "status", "rowCount", "errorCount", "importedById", "importedAt")
SELECT 'bsdb-' || s, s::"SharedDataSource", s || '.csv', repeat('0', 64), DATE '2026-11-01', 'COMPLETED', 0, 0, '${BENCH_MUNICIPAL_ID}', TIMESTAMP '2026-11-02 01:00:00'
FROM unnest(ARRAY['SOCIAL_INSURANCE','REAL_ESTATE']) s;
-- Every person of every application still open is known to social insurance; one in five owns a home.
INSERT INTO "SharedDataRecord" ("batchId", "source", "rowNo", "residentId", "fields")
SELECT 'bsdb-SOCIAL_INSURANCE', 'SOCIAL_INSURANCE', row_number() OVER (), m."residentId",
  jsonb_build_object('residentId', m."residentId", 'name', m."name", 'region', '重庆市', 'status', 'ACTIVE', 'months', 1 + a.i % 12, 'annualWageFen', 4800000 + (a.i % 100) * 10000, 'year', 2025)
FROM bench_app a JOIN "HouseholdMember" m ON m."applicationId" = 'bapp' || lpad(a.i::text, 8, '0')
WHERE a.b < 77;
INSERT INTO "SharedDataRecord" ("batchId", "source", "rowNo", "residentId", "fields")
SELECT 'bsdb-REAL_ESTATE', 'REAL_ESTATE', row_number() OVER (), m."residentId",
  jsonb_build_object('residentId', m."residentId", 'name', m."name", 'address', '重庆市某区某街道' || a.i || '号', 'areaDm2', 4000 + (a.i % 80) * 100, 'status', 'HELD')
FROM bench_app a JOIN "HouseholdMember" m ON m."applicationId" = 'bapp' || lpad(a.i::text, 8, '0')
WHERE a.i % 5 = 0;
UPDATE "SharedDataImportBatch" b SET "rowCount" = (SELECT count(*) FROM "SharedDataRecord" r WHERE r."batchId" = b."id");`,
    },
    { label: "clean up", sql: `DROP TABLE bench_pub; DROP TABLE bench_app;` },
    // As autovacuum leaves a settled table: statistics, and the visibility map index-only scans need.
    { label: "VACUUM ANALYZE", sql: `VACUUM (ANALYZE);` },
  ];
}
