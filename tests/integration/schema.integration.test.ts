// Proves the migrated database is what prisma/schema/*.prisma describes: every table, column (type,
// nullability, default, order), primary key, unique and plain index, foreign key (columns, target,
// ON DELETE/UPDATE) and enum (values, order), with Prisma's names. Adding a field to the schema
// without adding it to a migration fails here.
//
// The expectations come from reading the schema files (tests/integration/prisma-schema.ts), and that
// reading is itself checked against the generated client's model metadata, so the reader and the
// client cannot silently disagree (e.g. after a schema change without `npm run postinstall`).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as generatedEnums from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { introspect, type ActualDatabase, type ActualTable } from "./introspect";
import {
  expectedDatabase,
  generatedNames,
  MAX_IDENTIFIER_LENGTH,
  parsePrismaSchema,
  type ExpectedDatabase,
  type PslSchema,
} from "./prisma-schema";
import { DATABASE_ONLY_GENERATED, DATABASE_ONLY_INDEXES, DATABASE_ONLY_TRIGGERS } from "./database-only";
import { prisma, withPgClient } from "./db";

// One file per area; Prisma reads them in name order, and so does this test.
const schemaDir = fileURLToPath(new URL("../../prisma/schema/", import.meta.url));
const schemaFiles = readdirSync(schemaDir)
  .filter((name) => name.endsWith(".prisma"))
  .sort()
  .map((name) => ({ name, text: readFileSync(`${schemaDir}${name}`, "utf8") }));
const schemaText = schemaFiles.map((f) => f.text).join("\n");
/** The models each area's file declares. */
const areaModels = schemaFiles.map((f) => ({ area: f.name, models: [...f.text.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!) }));

interface RuntimeField {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
}

/**
 * Every difference between the database and the schema, as readable lines (empty = identical).
 * With `only`, just those tables are compared (one area's file); tables and enums the schema
 * lacks are reported only for the whole schema.
 */
function diffDatabase(expected: ExpectedDatabase, actual: ActualDatabase, only?: readonly string[]): string[] {
  const problems: string[] = [];
  const expectedTables = new Set(expected.tables.map((t) => t.name));
  if (!only) {
    for (const name of actual.tables.keys()) {
      if (name !== "_prisma_migrations" && !expectedTables.has(name)) problems.push(`table ${name} is not in the schema`);
    }
  }
  for (const table of expected.tables.filter((t) => !only || only.includes(t.name))) {
    const found = actual.tables.get(table.name);
    if (!found) {
      problems.push(`table ${table.name} is missing from the database`);
      continue;
    }
    const actualColumns = new Map(found.columns.map((c) => [c.name, c]));
    for (const column of table.columns) {
      const col = actualColumns.get(column.name);
      if (!col) problems.push(`column ${table.name}.${column.name} is missing`);
      else if (json(col) !== json(column)) problems.push(`column ${table.name}.${column.name}: expected ${json(column)}, found ${json(col)}`);
    }
    for (const col of found.columns) {
      if (!table.columns.some((c) => c.name === col.name)) problems.push(`column ${table.name}.${col.name} is not in the schema`);
    }
    const expectedOrder = table.columns.map((c) => c.name);
    const actualOrder = found.columns.map((c) => c.name);
    if (json(expectedOrder) !== json(actualOrder) && expectedOrder.length === actualOrder.length) {
      problems.push(`columns of ${table.name} are in a different order: ${actualOrder.join(", ")}`);
    }
    if (json(found.primaryKey) !== json(table.primaryKey)) {
      problems.push(`primary key of ${table.name}: expected ${json(table.primaryKey)}, found ${json(found.primaryKey)}`);
    }
    const databaseOnly = found.indexes.filter((index) => index.name in DATABASE_ONLY_INDEXES);
    for (const index of databaseOnly) {
      const declared = DATABASE_ONLY_INDEXES[index.name]!;
      if (declared.table !== table.name || json(declared.columns) !== json(index.columns) || declared.predicate !== index.predicate || index.unique !== (declared.unique ?? false)) {
        problems.push(`index ${index.name}: expected ${json(declared)}, found ${json(index)}`);
      }
    }
    for (const [name, declared] of Object.entries(DATABASE_ONLY_INDEXES)) {
      if (declared.table === table.name && !databaseOnly.some((index) => index.name === name)) problems.push(`index ${name} is missing`);
    }
    const planned = found.indexes.filter((index) => !(index.name in DATABASE_ONLY_INDEXES));
    const actualIndexes = planned.map(({ name, unique, columns }) => ({ name, unique, columns }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    if (json([...actualIndexes].sort(byName)) !== json([...table.indexes].sort(byName))) {
      problems.push(`indexes of ${table.name}: expected ${json(table.indexes)}, found ${json(actualIndexes)}`);
    }
    for (const index of planned) {
      if (index.method !== "btree" || index.isPartial || index.hasExpressions) {
        problems.push(`index ${index.name} is not a plain btree index`);
      }
    }
    if (json([...found.foreignKeys].sort(byName)) !== json([...table.foreignKeys].sort(byName))) {
      problems.push(`foreign keys of ${table.name}: expected ${json(table.foreignKeys)}, found ${json(found.foreignKeys)}`);
    }
    if (found.otherConstraints.length > 0) problems.push(`${table.name} has constraints Prisma would not create: ${found.otherConstraints}`);
    for (const [column, expression] of found.generated) {
      const declared = DATABASE_ONLY_GENERATED[`${table.name}.${column}`];
      const statuses = [...expression.matchAll(/'([A-Z_]+)'::/g)].map((m) => m[1]);
      if (!declared) problems.push(`column ${table.name}.${column} is generated (${expression}) but not listed in database-only.ts`);
      else if (json([...statuses].sort()) !== json([...declared.statuses].sort())) {
        problems.push(`generated column ${table.name}.${column}: expected the statuses ${json(declared.statuses)}, found ${expression}`);
      }
    }
    for (const name of Object.keys(DATABASE_ONLY_GENERATED).filter((key) => key.startsWith(`${table.name}.`))) {
      if (!found.generated.has(name.slice(table.name.length + 1))) problems.push(`column ${name} is not generated`);
    }
    if (json(found.triggers) !== json(DATABASE_ONLY_TRIGGERS[table.name] ?? [])) {
      problems.push(`triggers of ${table.name}: expected ${json(DATABASE_ONLY_TRIGGERS[table.name] ?? [])}, found ${json(found.triggers)}`);
    }
  }
  if (only) return problems;
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) problems.push(`enum ${name} is missing`);
    else if (json(found) !== json(values)) problems.push(`enum ${name}: expected ${json(values)}, found ${json(found)}`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) problems.push(`enum ${name} is not in the schema`);
  }
  return problems;

  function json(value: unknown): string {
    return JSON.stringify(value);
  }
}

describe("the migrated database matches prisma/schema/*.prisma", () => {
  let schema: PslSchema;
  let expected: ExpectedDatabase;
  let actual: ActualDatabase;

  beforeAll(async () => {
    schema = parsePrismaSchema(schemaText);
    expected = expectedDatabase(schema);
    actual = await withPgClient(introspect);
  });

  it("reads the schema as the generated client does (models, fields, kinds, types, enums)", () => {
    const runtime = (prisma as unknown as { _runtimeDataModel: { models: Record<string, { fields: RuntimeField[] }> } })
      ._runtimeDataModel;
    const modelNames = new Set(schema.models.map((m) => m.name));

    expect(Object.values(Prisma.ModelName)).toEqual(schema.models.map((m) => m.name));
    for (const model of schema.models) {
      const parsed = model.fields.map((field) => ({
        name: field.name,
        kind: modelNames.has(field.type) ? "object" : schema.enums.has(field.type) ? "enum" : "scalar",
        type: field.type,
      }));
      const generated = runtime.models[model.name]?.fields.map(({ name, kind, type }) => ({ name, kind, type }));
      expect(generated, `fields of ${model.name} (regenerate the client: npm run postinstall)`).toEqual(parsed);

      const scalarEnum = (Prisma as unknown as Record<string, Record<string, string>>)[`${model.name}ScalarFieldEnum`];
      expect(Object.values(scalarEnum ?? {}), `${model.name}ScalarFieldEnum`).toEqual(
        parsed.filter((field) => field.kind !== "object").map((field) => field.name),
      );
    }

    const clientEnums = generatedEnums as unknown as Record<string, Record<string, string>>;
    expect(Object.keys(clientEnums).sort()).toEqual([...schema.enums.keys()].sort());
    for (const [name, values] of schema.enums) {
      expect(Object.values(clientEnums[name] ?? {}), `enum ${name}`).toEqual(values);
    }
  });

  it("has exactly the schema's tables, columns, keys, indexes, foreign keys and enums", () => {
    expect(diffDatabase(expected, actual)).toEqual([]);
  });

  it("splits the model into one file per area, each model in exactly one", () => {
    expect(schemaFiles.map((f) => f.name)).toContain("schema.prisma");
    const declared = areaModels.flatMap((a) => a.models);
    expect([...declared].sort()).toEqual(schema.models.map((m) => m.name).sort());
    for (const { area, models } of areaModels) {
      if (area !== "schema.prisma") expect(models.length, `${area} declares models`).toBeGreaterThan(0);
    }
  });

  for (const { area, models } of areaModels.filter((a) => a.models.length > 0)) {
    it(`matches ${area}: ${models.join(", ")}`, () => {
      expect(diffDatabase(expected, actual, models)).toEqual([]);
    });
  }

  it("compares every part (spot checks of the comparison itself)", () => {
    const application = expected.tables.find((t) => t.name === "Application");
    expect(application?.columns.find((c) => c.name === "status")).toEqual({
      name: "status",
      type: '"ApplicationStatus"',
      notNull: true,
      default: `'DRAFT'::"ApplicationStatus"`,
    });
    expect(application?.indexes).toContainEqual({
      name: "Application_districtCode_status_dueDate_idx",
      unique: false,
      columns: ["districtCode", "status", "dueDate"],
    });
    const unit = expected.tables.find((t) => t.name === "Unit");
    expect(unit?.foreignKeys).toContainEqual({
      name: "Unit_buildingId_estateId_fkey",
      columns: ["buildingId", "estateId"],
      referencedTable: "Building",
      referencedColumns: ["id", "estateId"],
      onDelete: "RESTRICT",
      onUpdate: "CASCADE",
    });
    const declaration = expected.tables.find((t) => t.name === "ApplicationDeclaration");
    expect(declaration?.columns.find((c) => c.name === "priorityCategories")).toEqual({
      name: "priorityCategories",
      type: '"PriorityCategory"[]',
      notNull: false,
      default: null,
    });
    expect(actual.tables.get("AuditLog")?.columns[0]).toEqual({
      name: "id",
      type: "bigint",
      notNull: true,
      default: `nextval('"AuditLog_id_seq"'::regclass)`,
    });
  });

  it("finds a database-only object missing, changed or unlisted", () => {
    const application = actual.tables.get("Application")!;
    const member = actual.tables.get("HouseholdMember")!;
    const only = ["Application", "HouseholdMember"];
    const withTables = (tables: Array<[string, ActualTable]>): ActualDatabase => ({ ...actual, tables: new Map([...actual.tables, ...tables]) });
    expect(diffDatabase(expected, actual, only)).toEqual([]);

    const noTrigger = withTables([["HouseholdMember", { ...member, triggers: [] }]]);
    expect(diffDatabase(expected, noTrigger, only)).toEqual([`triggers of HouseholdMember: expected ["HouseholdMember_summary"], found []`]);

    const widerIndex = withTables([
      ["Application", { ...application, indexes: application.indexes.map((i) => (i.name === "Application_reviewQueue_city_idx" ? { ...i, predicate: null, isPartial: false } : i)) }],
    ]);
    expect(diffDatabase(expected, widerIndex, only).join("\n")).toContain("index Application_reviewQueue_city_idx: expected");

    const otherStages = withTables([["Application", { ...application, generated: new Map([["inReviewQueue", `(status = ANY (ARRAY['ACCEPTED'::"ApplicationStatus"]))`]]) }]]);
    expect(diffDatabase(expected, otherStages, only).join("\n")).toContain("generated column Application.inReviewQueue");
  });

  it("fails when the schema gains a column, index, relation or enum value the migrations lack", () => {
    const withColumn = parsePrismaSchema(schemaText.replace("model District {", "model District {\n  motto String?"));
    expect(diffDatabase(expectedDatabase(withColumn), actual)).toEqual(["column District.motto is missing"]);

    const withIndex = parsePrismaSchema(schemaText.replace("model Ban {", "model Ban {\n  @@index([bannedFrom])"));
    expect(diffDatabase(expectedDatabase(withIndex), actual)).toHaveLength(1);

    const cascade = /(application +Application +@relation\(fields: \[applicationId\], references: \[id\]), onDelete: Cascade\)(\n +relationship)/;
    expect(schemaText).toMatch(cascade);
    const withoutCascade = parsePrismaSchema(schemaText.replace(cascade, "$1)$2"));
    expect(diffDatabase(expectedDatabase(withoutCascade), actual)).toEqual([
      expect.stringMatching(/^foreign keys of HouseholdMember: /),
    ]);

    const withValue = parsePrismaSchema(schemaText.replace("enum Sex {\n  M\n  F\n}", "enum Sex {\n  M\n  F\n  X\n}"));
    expect(diffDatabase(expectedDatabase(withValue), actual)).toEqual([`enum Sex: expected ["M","F","X"], found ["M","F"]`]);
  });

  it("keeps every generated name within PostgreSQL's 63-character limit (Prisma would truncate)", () => {
    const tooLong = generatedNames(expected).filter((name) => name.length > MAX_IDENTIFIER_LENGTH);
    expect(tooLong).toEqual([]);
  });

  it("documents every model with a /// comment", () => {
    const undocumented = [...schemaText.matchAll(/(^.*\n)model (\w+) \{/gm)]
      .filter((m) => !(m[1] ?? "").trimStart().startsWith("///"))
      .map((m) => m[2]);
    expect(undocumented).toEqual([]);
  });
});
