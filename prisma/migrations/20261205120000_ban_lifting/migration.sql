-- Lifting the bans of Art. 40 when the violation behind them is overturned (reconsideration, a
-- court): who lifted them and why.
ALTER TABLE "Ban" ADD COLUMN "liftedById" TEXT;
ALTER TABLE "Ban" ADD COLUMN "liftReason" TEXT;
ALTER TABLE "Ban" ADD CONSTRAINT "Ban_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
