// Tenancy at city size, for `npm run bench:scale` (issue 10): the monthly billing run over 550,000
// leases in force (Chongqing's scale), by the service (lib/tenancy/billing.ts runBilling), against
// its floor measured in the same run: one plain INSERT ... SELECT producing the same rows into a
// table shaped like Bill (its columns, defaults and indexes). Then a tenant's statement of account
// with five years of bills (60 bills, their receipts, payments and late fees) read by the service
// the pages use (statementForLease) against the raw indexed SQL of the same three reads, p95.
//
// The leases are generated once with plain SQL and kept (marked by the estate BENCH-BILLING); each
// run bills a month of their terms, and its bills are removed afterwards.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { deleteBenchAuditRows } from "./scratch";

export const BILLING_LEASES = 550_000;
const ESTATE = "BENCH-BILLING";
const STATEMENT_LEASE = "bench-billing-statement";
const LOOKUPS = 1_000;
/** The leases start in January 2026 (on days 1-28) for 60 months: runs bill months from 2026-03 on. */
const FIRST_MONTH = 3;

export interface BillingFigures {
  runs: number;
  issued: number;
  service: number[];
  floor: number[];
  statement: { serviceP95: number; sqlP95: number; serviceMedian: number; sqlMedian: number; bills: number };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export function billingMedian(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** 550,000 households housed in 550,000 units under leases in force, and one tenant of five years. */
async function ensureLeases(db: pg.Pool): Promise<void> {
  const existing = await db.query(`SELECT 1 FROM "Estate" WHERE "code" = $1`, [ESTATE]);
  if (existing.rows[0]) return;
  const { rows } = await db.query<{ code: string }>(`SELECT "code" FROM "District" ORDER BY "code" LIMIT 1`);
  const districtCode = rows[0]!.code;
  const t0 = performance.now();
  process.stdout.write(`[bench:scale] billing: generating ${BILLING_LEASES.toLocaleString("en")} leases in force … `);
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Estate" ("id", "code", "name", "districtCode", "level", "stockSource", "investment", "ownerName", "operatorName", "address", "updatedAt")
       VALUES ('bench-billing-estate', $1, '计租压测小区', $2, 'MUNICIPAL', 'NEW_CONSTRUCTION', 'GOVERNMENT', '市公租房管理局', '压测运营公司', '压测地址', now())`,
      [ESTATE, districtCode],
    );
    await client.query(`INSERT INTO "Building" ("id", "estateId", "name", "floors") SELECT 'bench-billing-b' || b, 'bench-billing-estate', b || '栋', 50 FROM generate_series(0, 550) AS b`);
    await client.query(
      `INSERT INTO "Unit" ("id", "estateId", "buildingId", "unitNo", "floor", "unitType", "floorAreaDm2", "status", "marketRentFen", "standardRentFen", "updatedAt")
       SELECT 'bench-billing-u' || u, 'bench-billing-estate', 'bench-billing-b' || (u / 1000), lpad((u % 1000)::text, 4, '0'), 1 + (u % 1000) / 20,
              'TWO_BEDROOM', 5000 + u % 3000, 'LEASED', 180000, 100000, now()
         FROM generate_series(0, $1) AS u`,
      [BILLING_LEASES],
    );
    await client.query(
      `INSERT INTO "Application" ("id", "applicationNo", "source", "districtCode", "estateLevel", "status", "updatedAt")
       SELECT 'bench-billing-a' || i, 'RENT-' || lpad(i::text, 7, '0'), 'PORTAL', $2, 'MUNICIPAL', 'HOUSED', now()
         FROM generate_series(0, $1) AS i`,
      [BILLING_LEASES, districtCode],
    );
    await client.query(
      `INSERT INTO "Lease" ("id", "leaseNo", "applicationId", "unitId", "termMonths", "startDate", "endDate", "monthlyRentFen", "status", "updatedAt")
       SELECT 'bench-billing-l' || i, 'ZL-' || $2 || '-2026-' || lpad(i::text, 7, '0'), 'bench-billing-a' || i, 'bench-billing-u' || i, 60,
              DATE '2026-01-01' + (i % 28), (DATE '2026-01-01' + (i % 28) + INTERVAL '60 months')::date - 1, 60000 + (i % 5000) * 10, 'ACTIVE', now()
         FROM generate_series(1, $1) AS i`,
      [BILLING_LEASES, districtCode],
    );
    // The tenant of five years: a lease from 2021-01-05, its 60 bills paid (some late, with fees).
    await client.query(
      `INSERT INTO "Lease" ("id", "leaseNo", "applicationId", "unitId", "termMonths", "startDate", "endDate", "monthlyRentFen", "status", "updatedAt")
       VALUES ($1, 'ZL-' || $2 || '-2021-0000000', 'bench-billing-a0', 'bench-billing-u0', 60, DATE '2021-01-05', DATE '2026-01-04', 80000, 'ENDED', now())`,
      [STATEMENT_LEASE, districtCode],
    );
    await client.query(
      `INSERT INTO "Bill" ("id", "leaseId", "periodStart", "periodEnd", "amountFen", "baseRentFen", "dueDate", "paidFen", "status", "paidAt")
       SELECT 'bench-sb' || k, $1, (DATE '2021-01-05' + make_interval(months => k))::date, (DATE '2021-01-05' + make_interval(months => k + 1))::date - 1,
              80000, 80000, (DATE '2021-01-05' + make_interval(months => k))::date + 9, 80000, 'PAID', now()
         FROM generate_series(0, 59) AS k`,
      [STATEMENT_LEASE],
    );
    await client.query(
      `INSERT INTO "RentReceipt" ("id", "receiptNo", "leaseId", "amountFen", "method", "reference", "paidAt", "paidOn")
       SELECT 'bench-sr' || k, 'SJ-BENCH-' || lpad(k::text, 6, '0'), $1, 80000 + CASE WHEN k % 6 = 0 THEN 400 ELSE 0 END, 'ONLINE', 'bench:' || k,
              ((DATE '2021-01-05' + make_interval(months => k))::date + 5)::timestamp, (DATE '2021-01-05' + make_interval(months => k))::date + 5
         FROM generate_series(0, 59) AS k`,
      [STATEMENT_LEASE],
    );
    await client.query(
      `INSERT INTO "LateFee" ("id", "billId", "baseFen", "fromDate", "throughDate", "daysLate", "amountFen", "status", "paidFen")
       SELECT 'bench-sf' || k, 'bench-sb' || k, 80000, DATE '2021-01-14', DATE '2021-01-24', 10, 400, 'PAID', 400 FROM generate_series(0, 59, 6) AS k`,
    );
    await client.query(
      `INSERT INTO "Payment" ("id", "billId", "amountFen", "method", "paidAt", "receiptId")
       SELECT 'bench-sp' || k, 'bench-sb' || k, 80000, 'ONLINE', now(), 'bench-sr' || k FROM generate_series(0, 59) AS k`,
    );
    await client.query("COMMIT");
    // One month billed for every lease, so that the Bill table has city-sized contents.
    await client.query(
      `INSERT INTO "Bill" ("id", "leaseId", "periodStart", "periodEnd", "amountFen", "baseRentFen", "dueDate")
       SELECT 'bench-b0-' || l."id", l."id", l."startDate" + INTERVAL '1 month', (l."startDate" + INTERVAL '2 months')::date - 1, l."monthlyRentFen", l."monthlyRentFen", (l."startDate" + INTERVAL '1 month')::date + 9
         FROM "Lease" l WHERE l."id" LIKE 'bench-billing-l%'`,
    );
    await client.query(`ANALYZE "Lease"; ANALYZE "Bill"; ANALYZE "RentReceipt"; ANALYZE "LateFee"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function monthOfRun(run: number): string {
  return `2026-${String(FIRST_MONTH + run).padStart(2, "0")}`;
}

/** Bills a month `runs` times by the service beside its floor, then times the statement reads. */
export async function benchBilling(db: pg.Pool, runs: number): Promise<BillingFigures> {
  const { runBilling } = await import("../../lib/tenancy/billing");
  const { statementForLease } = await import("../../lib/tenancy/account");
  await ensureLeases(db);
  await db.query(`DROP TABLE IF EXISTS bench_bill_floor`);
  await db.query(`CREATE TABLE bench_bill_floor (LIKE "Bill" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const figures: BillingFigures = { runs, issued: 0, service: [], floor: [], statement: { serviceP95: 0, sqlP95: 0, serviceMedian: 0, sqlMedian: 0, bills: 0 } };
  try {
    for (let run = 0; run < runs; run++) {
      const month = monthOfRun(run);
      const first = `${month}-01`;
      await db.query(`CHECKPOINT`);
      const t0 = performance.now();
      const result = await runBilling({ month, now: new Date(`${first}T01:00:00+08:00`) });
      const t1 = performance.now();
      figures.service.push(t1 - t0);
      figures.issued = result.issued;
      await db.query(`CHECKPOINT`);
      // The floor: the same rows by one plain INSERT ... SELECT, no conflict handling, no audit.
      const t2 = performance.now();
      await db.query(
        `INSERT INTO bench_bill_floor ("id", "leaseId", "kind", "periodStart", "periodEnd", "amountFen", "baseRentFen", "rentMultiplierPercent", "rentBasis", "rentStandardId", "dueDate", "paidFen", "status", "issuedAt")
         SELECT 'bill' || md5(l."id" || ps::text), l."id", 'RENT', ps, LEAST((l."startDate" + make_interval(months => k + 1))::date - 1, l."endDate"),
                l."monthlyRentFen", l."monthlyRentFen", 100, l."rentBasis", l."rentStandardId", ps + 9, 0, 'UNPAID', now()
           FROM "Lease" l,
                LATERAL (SELECT ((EXTRACT(YEAR FROM $1::date) - EXTRACT(YEAR FROM l."startDate")) * 12 + EXTRACT(MONTH FROM $1::date) - EXTRACT(MONTH FROM l."startDate"))::int AS k) m,
                LATERAL (SELECT (l."startDate" + make_interval(months => m.k))::date AS ps) p
          WHERE l."status" = 'ACTIVE' AND l."startDate" < ($1::date + interval '1 month') AND l."endDate" >= $1::date AND m.k >= 0 AND m.k < l."termMonths"`,
        [first],
      );
      const t3 = performance.now();
      figures.floor.push(t3 - t2);
      const floorRows = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM bench_bill_floor`)).rows[0]!.n);
      if (floorRows !== result.issued) throw new Error(`the floor made ${floorRows} rows, the service ${result.issued}`);
      await db.query(`TRUNCATE bench_bill_floor`);
      await db.query(`DELETE FROM "Bill" WHERE "leaseId" LIKE 'bench-billing-l%' AND "periodStart" >= $1::date AND "periodStart" < $1::date + interval '1 month'`, [first]);
      await deleteBenchAuditRows(db, `"action" = 'billing.run' AND "entityId" = $1`, [month]);
    }

    // The five-year statement: the service against the same three indexed reads in SQL.
    const serviceTimes: number[] = [];
    const sqlTimes: number[] = [];
    const sql = async () => {
      await Promise.all([
        db.query(`SELECT "id", "kind", "periodStart", "periodEnd", "dueDate", "amountFen", "baseRentFen", "rentMultiplierPercent", "paidFen", "status" FROM "Bill" WHERE "leaseId" = $1 ORDER BY "periodStart"`, [STATEMENT_LEASE]),
        db.query(`SELECT f."billId", f."amountFen", f."paidFen", f."status" FROM "LateFee" f JOIN "Bill" b ON b."id" = f."billId" WHERE b."leaseId" = $1`, [STATEMENT_LEASE]),
        db.query(`SELECT "receiptNo", "amountFen", "method", "paidAt", "paidOn", "unappliedFen" FROM "RentReceipt" WHERE "leaseId" = $1 ORDER BY "paidAt" DESC`, [STATEMENT_LEASE]),
      ]);
    };
    for (let i = 0; i < 50; i++) {
      await statementForLease(STATEMENT_LEASE, "bench", "2026-12-01");
      await sql();
    }
    for (let i = 0; i < LOOKUPS; i++) {
      const a = performance.now();
      const s = await statementForLease(STATEMENT_LEASE, "bench", "2026-12-01");
      const b = performance.now();
      await sql();
      const c = performance.now();
      serviceTimes.push(b - a);
      sqlTimes.push(c - b);
      figures.statement.bills = s.bills.length;
    }
    figures.statement = { ...figures.statement, serviceP95: quantile(serviceTimes, 0.95), sqlP95: quantile(sqlTimes, 0.95), serviceMedian: quantile(serviceTimes, 0.5), sqlMedian: quantile(sqlTimes, 0.5) };
  } finally {
    await db.query(`DROP TABLE IF EXISTS bench_bill_floor`);
  }
  return figures;
}
