-- A lease drawn up but not signed by its date (Art. 25: "在规定时间内"): it lapses and the unit goes
-- on. A lapsed lease claims nobody (Art. 12) and holds no unit (Lease_liveUnit_key lists its statuses).
ALTER TYPE "LeaseStatus" ADD VALUE 'LAPSED';
