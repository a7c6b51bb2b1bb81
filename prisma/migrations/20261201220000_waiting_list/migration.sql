-- The ordered waiting list (轮候, Art. 23): a qualified household waits once per estate it chose
-- and purpose; its entry ends housed or removed. Two enrolments at once (the scheduled job on two
-- servers, a retried qualification) insert one entry: the index below decides it.

-- Database-only (tests/integration/database-only.ts): one live entry per household, estate and purpose.
CREATE UNIQUE INDEX "WaitingListEntry_live_key" ON "WaitingListEntry"("applicationId", "estateId", "purpose") WHERE "status" IN ('WAITING', 'OFFERED');
