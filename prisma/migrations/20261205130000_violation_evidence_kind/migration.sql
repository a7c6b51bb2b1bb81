-- Files of the evidence of a violation (Art. 31), in a migration of its own as new enum values are.
ALTER TYPE "DocumentKind" ADD VALUE 'VIOLATION_EVIDENCE' BEFORE 'OTHER';
