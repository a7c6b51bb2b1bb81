// Reads the shape of the `public` schema from pg_catalog, in the same form as
// prisma-schema.ts's expectations, so the two can be compared with toEqual.
import type pg from "pg";
import type { ExpectedColumn, ExpectedForeignKey, ExpectedIndex, ReferentialAction } from "./prisma-schema";

export interface ActualTable {
  name: string;
  /** In column order. */
  columns: ExpectedColumn[];
  primaryKey: { name: string; columns: string[] } | null;
  /** Every index but the primary key's, with its access method and any predicate/expression. */
  indexes: (ExpectedIndex & { method: string; isPartial: boolean; predicate: string | null; hasExpressions: boolean })[];
  foreignKeys: ExpectedForeignKey[];
  /** Unique, check and exclusion constraints: Prisma creates none (uniques are indexes). */
  otherConstraints: string[];
  /** Generated columns and their expressions (Prisma reads them as plain columns). */
  generated: Map<string, string>;
  /** Triggers on the table, by name. */
  triggers: string[];
}

export interface ActualDatabase {
  tables: Map<string, ActualTable>;
  enums: Map<string, string[]>;
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

// Column lists of keys and indexes, in key order, as text[] (pg parses text[] but not name[]).
const KEY_COLUMNS = (keyExpr: string, relExpr: string) => `array(
  SELECT a.attname::text FROM unnest(${keyExpr}) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = ${relExpr} AND a.attnum = k.attnum
   ORDER BY k.ord)`;

export async function introspect(client: pg.ClientBase): Promise<ActualDatabase> {
  const tables = new Map<string, ActualTable>();

  const tableRows = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  for (const { name } of tableRows.rows) {
    tables.set(name, { name, columns: [], primaryKey: null, indexes: [], foreignKeys: [], otherConstraints: [], generated: new Map(), triggers: [] });
  }
  const table = (name: string): ActualTable => {
    const found = tables.get(name);
    if (!found) throw new Error(`Catalog row for unknown table ${name}`);
    return found;
  };

  const columnRows = await client.query<{ table: string; name: string; type: string; not_null: boolean; default: string | null; generated: string | null }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
            CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  for (const row of columnRows.rows) {
    table(row.table).columns.push({ name: row.name, type: row.type, notNull: row.not_null, default: row.default });
    if (row.generated !== null) table(row.table).generated.set(row.name, row.generated);
  }

  const indexRows = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    predicate: string | null;
    expressions: boolean;
    columns: string[];
  }>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            am.amname AS method, ix.indpred IS NOT NULL AS partial, pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            ix.indexprs IS NOT NULL AS expressions,
            ${KEY_COLUMNS("ix.indkey", "t.oid")} AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public'
      ORDER BY t.relname, i.relname`,
  );
  for (const row of indexRows.rows) {
    if (row.primary) continue; // compared through the constraint below
    table(row.table).indexes.push({
      name: row.name,
      unique: row.unique,
      columns: row.columns,
      method: row.method,
      isPartial: row.partial,
      predicate: row.predicate,
      hasExpressions: row.expressions,
    });
  }

  const triggerRows = await client.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, tg.tgname AS name FROM pg_trigger tg
       JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT tg.tgisinternal ORDER BY c.relname, tg.tgname`,
  );
  for (const row of triggerRows.rows) table(row.table).triggers.push(row.name);

  const constraintRows = await client.query<{
    table: string;
    name: string;
    type: string;
    columns: string[];
    ref_table: string | null;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table, con.conname AS name, con.contype AS type,
            ${KEY_COLUMNS("con.conkey", "con.conrelid")} AS columns,
            rt.relname AS ref_table,
            ${KEY_COLUMNS("con.confkey", "con.confrelid")} AS ref_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      WHERE n.nspname = 'public' AND con.contype IN ('p', 'f', 'u', 'c', 'x')
      ORDER BY t.relname, con.conname`,
  );
  for (const row of constraintRows.rows) {
    const target = table(row.table);
    if (row.type === "p") {
      target.primaryKey = { name: row.name, columns: row.columns };
    } else if (row.type === "f") {
      target.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedTable: row.ref_table ?? "?",
        referencedColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? "NO ACTION",
        onUpdate: ACTIONS[row.on_update] ?? "NO ACTION",
      });
    } else {
      target.otherConstraints.push(`${row.type}:${row.name}`);
    }
  }

  const enumRows = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name,
            array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e'
      ORDER BY t.typname`,
  );
  const enums = new Map(enumRows.rows.map((row) => [row.name, row.values]));

  return { tables, enums };
}
