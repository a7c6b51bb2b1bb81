import "server-only";
import { prisma } from "@/lib/db/client";
import { keyRing } from "./keys";

// Resident ID columns under the key ring (decision 037): rows written before encryption (a number
// in clear, no blind index) and rows under another key than the current one are written again
// through the data layer (lib/db/resident-id-fields.ts), which encrypts under the current key and
// recomputes the blind index. `reindex` writes every row again: the way to change BLIND_INDEX_KEY.

const TABLES = ["HouseholdMember", "DirectedNominee", "SharedDataRecord", "Ban"] as const;
export type ResidentIdTable = (typeof TABLES)[number];

const PAGE = 500;

type Row = { id: string | bigint; residentId: string | null };
interface Delegate {
  findMany(args: { where: { id: { in: Array<string | bigint> } }; select: { id: true; residentId: true } }): Promise<Row[]>;
  update(args: { where: { id: string | bigint }; data: { residentId: string } }): Promise<unknown>;
}

function delegate(table: ResidentIdTable): Delegate {
  const name = `${table[0]!.toLowerCase()}${table.slice(1)}`;
  return (prisma as unknown as Record<string, Delegate>)[name]!;
}

/** Rewrites the rows of every resident ID column that are not under the current key (all of them with `reindex`). Returns the rows rewritten per table. */
export async function reencryptResidentIds(
  options: { reindex?: boolean; legacyOnly?: boolean; log?: (line: string) => void } = {},
): Promise<Record<ResidentIdTable, number>> {
  // With `legacyOnly` (the portal's start), only numbers still in clear: any ciphertext "matches".
  const current = options.legacyOnly ? "enc1.%" : `enc1.${keyRing().current.id}.%`;
  const done = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<ResidentIdTable, number>;
  for (const table of TABLES) {
    let after: string | bigint | null = null;
    for (;;) {
      // Raw, so that the stored form is what is compared; the ids in order, a page at a time.
      const ids: Array<{ id: string | bigint }> = await prisma.$queryRawUnsafe(
        `SELECT "id" FROM "${table}"
          WHERE "residentId" IS NOT NULL
            AND ($1::boolean OR "residentIdIndex" IS NULL OR "residentId" NOT LIKE $2)
            AND ($3::text IS NULL OR "id" > $3::${table === "SharedDataRecord" ? "bigint" : "text"})
          ORDER BY "id" LIMIT ${PAGE}`,
        options.reindex === true,
        current,
        after === null ? null : String(after),
      );
      if (ids.length === 0) break;
      const rows = await delegate(table).findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { id: true, residentId: true } });
      await prisma.$transaction(async (tx) => {
        const d = (tx as unknown as Record<string, Delegate>)[`${table[0]!.toLowerCase()}${table.slice(1)}`]!;
        for (const row of rows) if (row.residentId) await d.update({ where: { id: row.id }, data: { residentId: row.residentId } });
      });
      done[table] += rows.length;
      after = ids[ids.length - 1]!.id;
      options.log?.(`${table}: ${done[table]} rewritten`);
    }
  }
  return done;
}
