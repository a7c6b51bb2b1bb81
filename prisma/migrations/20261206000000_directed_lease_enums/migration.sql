-- Directed allocation leases (Art. 24, 25): the nominee's household and its lease.
ALTER TYPE "ApplicationSource" ADD VALUE 'DIRECTED';
ALTER TYPE "LeaseOrigin" ADD VALUE 'DIRECTED';
