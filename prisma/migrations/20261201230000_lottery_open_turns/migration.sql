-- A drawn pool's entrant rows are written at the draw (200,000 for a large pool, one pass over
-- each index). The turns of unit selection only ever look for the open ones of a pool, which are
-- few: a partial index on them replaces the index on every row's turn status.

-- DropIndex
DROP INDEX "LotteryEntrant_drawId_turnStatus_idx";

-- Database-only (tests/integration/database-only.ts): the open turns of a pool.
CREATE INDEX "LotteryEntrant_openTurn_idx" ON "LotteryEntrant"("drawId") WHERE "turnStatus" = 'OPEN';
