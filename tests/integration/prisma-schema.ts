// A small reader of prisma/schema/*.prisma and Prisma's rules for turning it into PostgreSQL
// objects, used by schema.integration.test.ts to check the hand-written migrations against the
// schema. Prisma 7's generated client keeps only a reduced model (names, kinds, types; no
// nullability, native types, defaults or indexes) and its full DMMF lives in the CLI's bundled
// wasm, so the schema is read here and cross-checked against the generated client's metadata.
//
// It understands the subset this project uses and throws on anything else (@map, @@map, views,
// composite types, index options...), so a new construct cannot slip past unchecked.

export interface PslAttribute {
  /** Without the @ / @@: `id`, `unique`, `default`, `db.Char`, `relation`, `index`... */
  name: string;
  /** The raw text between the parentheses, or null without parentheses. */
  args: string | null;
}

export interface PslField {
  name: string;
  /** The type name without modifiers. */
  type: string;
  isOptional: boolean;
  isList: boolean;
  attributes: PslAttribute[];
}

export interface PslModel {
  name: string;
  fields: PslField[];
  blockAttributes: PslAttribute[];
}

export interface PslSchema {
  models: PslModel[];
  enums: Map<string, string[]>;
}

const SCALAR_TYPES = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"]);

/** Removes // and /// comments, leaving string literals alone. */
function stripComments(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && inString) {
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (!inString && ch === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** Splits `@a @b(x, (y)) @c.D(1)` into attributes, honouring nested brackets and strings. */
function parseAttributes(text: string, prefix: "@" | "@@"): PslAttribute[] {
  const attributes: PslAttribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) {
      i++;
      continue;
    }
    if (!text.startsWith(prefix, i) || (prefix === "@" && text[i + 1] === "@")) {
      throw new Error(`Unexpected text in schema: ${text.slice(i)}`);
    }
    i += prefix.length;
    const nameMatch = /^[A-Za-z_][\w.]*/.exec(text.slice(i));
    if (!nameMatch) throw new Error(`Bad attribute in schema: ${text}`);
    const name = nameMatch[0];
    i += name.length;
    let args: string | null = null;
    if (text[i] === "(") {
      const end = matchingParen(text, i);
      args = text.slice(i + 1, end).trim();
      i = end + 1;
    }
    attributes.push({ name, args });
  }
  return attributes;
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`Unbalanced parentheses in schema: ${text}`);
}

/** Splits attribute arguments at top-level commas into positional and named (`key: value`) ones. */
export function splitArgs(args: string): { positional: string[]; named: Map<string, string> } {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const ch = args[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (args.slice(start).trim()) parts.push(args.slice(start).trim());

  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const part of parts) {
    const m = /^([A-Za-z_]\w*)\s*:\s*([\s\S]*)$/.exec(part);
    if (m?.[1] && m[2] !== undefined) named.set(m[1], m[2].trim());
    else positional.push(part);
  }
  return { positional, named };
}

/** `[a, b]` → ["a", "b"]; refuses index options such as `a(sort: Desc)`. */
export function parseFieldList(text: string): string[] {
  const m = /^\[([\s\S]*)\]$/.exec(text.trim());
  if (!m) throw new Error(`Expected a field list, got ${text}`);
  const names = (m[1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`Unsupported index field syntax: ${name}`);
  }
  return names;
}

export function parsePrismaSchema(text: string): PslSchema {
  const models: PslModel[] = [];
  const enums = new Map<string, string[]>();
  let current: { kind: "model"; model: PslModel } | { kind: "enum"; name: string; values: string[] } | { kind: "skip" } | null =
    null;

  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComments(rawLine).trim();
    if (!line) continue;

    if (!current) {
      const m = /^(model|enum|generator|datasource|view|type)\s+(\w+)\s*\{$/.exec(line);
      if (!m) throw new Error(`Unexpected line outside a block: ${line}`);
      const [, keyword, name] = m;
      if (keyword === "view" || keyword === "type") throw new Error(`Unsupported block: ${keyword} ${name}`);
      if (keyword === "model") current = { kind: "model", model: { name: name!, fields: [], blockAttributes: [] } };
      else if (keyword === "enum") current = { kind: "enum", name: name!, values: [] };
      else current = { kind: "skip" };
      continue;
    }

    if (line === "}") {
      if (current.kind === "model") models.push(current.model);
      if (current.kind === "enum") enums.set(current.name, current.values);
      current = null;
      continue;
    }

    if (current.kind === "skip") continue;

    if (current.kind === "enum") {
      if (!/^[A-Za-z_]\w*$/.test(line)) throw new Error(`Unsupported enum value syntax in ${current.name}: ${line}`);
      current.values.push(line);
      continue;
    }

    if (line.startsWith("@@")) {
      current.model.blockAttributes.push(...parseAttributes(line, "@@"));
      continue;
    }

    const m = /^([A-Za-z_]\w*)\s+([A-Za-z_]\w*)(\[\]|\?)?(?:\s+([\s\S]*))?$/.exec(line);
    if (!m) throw new Error(`Unsupported field syntax in ${current.model.name}: ${line}`);
    const [, name, type, modifier, rest] = m;
    current.model.fields.push({
      name: name!,
      type: type!,
      isOptional: modifier === "?",
      isList: modifier === "[]",
      attributes: rest ? parseAttributes(rest, "@") : [],
    });
  }
  if (current) throw new Error("Unterminated block at end of schema");

  for (const model of models) {
    for (const attr of model.blockAttributes) {
      if (!["id", "unique", "index"].includes(attr.name)) throw new Error(`Unsupported @@${attr.name} on ${model.name}`);
      const { positional, named } = splitArgs(attr.args ?? "");
      if (positional.length !== 1 || named.size > 0) {
        throw new Error(`Unsupported arguments for @@${attr.name} on ${model.name}: ${attr.args}`);
      }
    }
    for (const field of model.fields) {
      for (const attr of field.attributes) {
        if (!["id", "unique", "default", "updatedAt", "relation"].includes(attr.name) && !attr.name.startsWith("db.")) {
          throw new Error(`Unsupported @${attr.name} on ${model.name}.${field.name}`);
        }
        if ((attr.name === "id" || attr.name === "unique") && attr.args !== null) {
          throw new Error(`Unsupported arguments for @${attr.name} on ${model.name}.${field.name}`);
        }
      }
    }
  }
  const modelNames = new Set(models.map((model) => model.name));
  for (const model of models) {
    for (const field of model.fields) {
      if (!SCALAR_TYPES.has(field.type) && !enums.has(field.type) && !modelNames.has(field.type)) {
        throw new Error(`Unknown type ${field.type} of ${model.name}.${field.name}`);
      }
    }
  }
  return { models, enums };
}

// ───────────── what Prisma Migrate creates for a schema (PostgreSQL) ─────────────

export interface ExpectedColumn {
  name: string;
  /** As PostgreSQL's format_type() prints it. */
  type: string;
  notNull: boolean;
  /** As pg_get_expr() prints the default, or null. */
  default: string | null;
}

export interface ExpectedIndex {
  name: string;
  unique: boolean;
  columns: string[];
}

export type ReferentialAction = "CASCADE" | "RESTRICT" | "SET NULL" | "NO ACTION" | "SET DEFAULT";

export interface ExpectedForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ExpectedTable {
  name: string;
  columns: ExpectedColumn[];
  primaryKey: { name: string; columns: string[] };
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

export interface ExpectedDatabase {
  tables: ExpectedTable[];
  enums: Map<string, string[]>;
}

/** PostgreSQL's limit; Prisma would silently truncate longer generated names. */
export const MAX_IDENTIFIER_LENGTH = 63;

/** format_type() quotes identifiers that are not all lower case. */
function pgTypeName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function nativeType(field: PslField): PslAttribute | undefined {
  return field.attributes.find((attr) => attr.name.startsWith("db."));
}

function columnType(field: PslField, enums: Map<string, string[]>): string {
  const native = nativeType(field);
  let base: string;
  if (enums.has(field.type)) {
    if (native) throw new Error(`Native type on enum field ${field.name}`);
    base = pgTypeName(field.type);
  } else if (native) {
    const arg = native.args;
    switch (`${field.type} ${native.name}`) {
      case "String db.Char":
        base = `character(${arg})`;
        break;
      case "String db.VarChar":
        base = arg ? `character varying(${arg})` : "character varying";
        break;
      case "String db.Text":
        base = "text";
        break;
      case "String db.Uuid":
        base = "uuid";
        break;
      case "DateTime db.Date":
        base = "date";
        break;
      case "DateTime db.Timestamptz":
        base = `timestamp(${arg ?? 6}) with time zone`;
        break;
      case "DateTime db.Timestamp":
        base = `timestamp(${arg ?? 6}) without time zone`;
        break;
      case "Int db.SmallInt":
        base = "smallint";
        break;
      case "Decimal db.Decimal":
        base = `numeric(${(arg ?? "").replace(/\s+/g, "")})`;
        break;
      case "Json db.Json":
        base = "json";
        break;
      default:
        throw new Error(`Unsupported native type @${native.name} on ${field.type} field ${field.name}`);
    }
  } else {
    const defaults: Record<string, string> = {
      String: "text",
      Int: "integer",
      BigInt: "bigint",
      Boolean: "boolean",
      DateTime: "timestamp(3) without time zone",
      Json: "jsonb",
      Float: "double precision",
      Decimal: "numeric(65,30)",
      Bytes: "bytea",
    };
    const mapped = defaults[field.type];
    if (!mapped) throw new Error(`No column type for ${field.type}`);
    base = mapped;
  }
  return field.isList ? `${base}[]` : base;
}

function columnDefault(table: string, field: PslField, enums: Map<string, string[]>): string | null {
  const attr = field.attributes.find((a) => a.name === "default");
  if (!attr) return null;
  const value = (attr.args ?? "").trim();
  if (field.isList) throw new Error(`List defaults are not supported by this reader (${table}.${field.name})`);
  if (value === "now()") return "CURRENT_TIMESTAMP";
  if (value === "autoincrement()") return `nextval('"${table}_${field.name}_seq"'::regclass)`;
  // Generated by the client, not the database.
  if (/^(cuid|uuid|nanoid|ulid)\(\d*\)$/.test(value)) return null;
  if (enums.has(field.type)) {
    if (!enums.get(field.type)?.includes(value)) throw new Error(`Unknown enum default ${value} on ${table}.${field.name}`);
    return `'${value}'::${pgTypeName(field.type)}`;
  }
  if (field.type === "Boolean" && (value === "true" || value === "false")) return value;
  if ((field.type === "Int" || field.type === "BigInt") && /^\d+$/.test(value)) return value;
  if (field.type === "String" && /^"[^"\\']*"$/.test(value) && !nativeType(field)) return `'${value.slice(1, -1)}'::text`;
  throw new Error(`Unsupported default ${value} on ${table}.${field.name}`);
}

function referentialAction(name: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    SetNull: "SET NULL",
    NoAction: "NO ACTION",
    SetDefault: "SET DEFAULT",
  };
  const action = actions[name];
  if (!action) throw new Error(`Unknown referential action ${name}`);
  return action;
}

/** The tables, columns, keys, indexes, foreign keys and enums Prisma Migrate creates for `schema`. */
export function expectedDatabase(schema: PslSchema): ExpectedDatabase {
  const modelNames = new Set(schema.models.map((model) => model.name));
  const tables: ExpectedTable[] = [];

  for (const model of schema.models) {
    const table = model.name;
    const scalars = model.fields.filter((field) => !modelNames.has(field.type));
    const columns: ExpectedColumn[] = scalars.map((field) => ({
      name: field.name,
      type: columnType(field, schema.enums),
      // Prisma never writes NOT NULL on list columns.
      notNull: !field.isOptional && !field.isList,
      default: columnDefault(table, field, schema.enums),
    }));

    const idFields = scalars.filter((field) => field.attributes.some((attr) => attr.name === "id")).map((f) => f.name);
    const blockId = model.blockAttributes.find((attr) => attr.name === "id");
    const pkColumns = blockId ? parseFieldList(splitArgs(blockId.args ?? "").positional[0] ?? "") : idFields;
    if (pkColumns.length === 0) throw new Error(`Model ${model.name} has no id`);

    // Prisma's order: field-level @unique, then @@index, then @@unique (parser-db's visiting order).
    const indexes: ExpectedIndex[] = [];
    for (const field of scalars) {
      if (field.attributes.some((attr) => attr.name === "unique")) {
        indexes.push({ name: `${table}_${field.name}_key`, unique: true, columns: [field.name] });
      }
    }
    for (const kind of ["index", "unique"] as const) {
      for (const attr of model.blockAttributes.filter((a) => a.name === kind)) {
        const fieldsOfIndex = parseFieldList(splitArgs(attr.args ?? "").positional[0] ?? "");
        indexes.push({
          name: `${table}_${fieldsOfIndex.join("_")}_${kind === "unique" ? "key" : "idx"}`,
          unique: kind === "unique",
          columns: fieldsOfIndex,
        });
      }
    }

    const foreignKeys: ExpectedForeignKey[] = [];
    for (const field of model.fields.filter((f) => modelNames.has(f.type))) {
      const relation = field.attributes.find((attr) => attr.name === "relation");
      const { named } = splitArgs(relation?.args ?? "");
      const fieldsArg = named.get("fields");
      if (!fieldsArg) continue; // the back-relation side holds no columns
      for (const key of named.keys()) {
        if (!["fields", "references", "onDelete", "onUpdate"].includes(key)) {
          throw new Error(`Unsupported relation argument ${key} on ${table}.${field.name}`);
        }
      }
      const fkColumns = parseFieldList(fieldsArg);
      const onDelete = named.get("onDelete");
      const onUpdate = named.get("onUpdate");
      foreignKeys.push({
        name: `${table}_${fkColumns.join("_")}_fkey`,
        columns: fkColumns,
        referencedTable: field.type,
        referencedColumns: parseFieldList(named.get("references") ?? "[]"),
        // Prisma's defaults: optional relations SET NULL, required ones RESTRICT; updates CASCADE.
        onDelete: onDelete ? referentialAction(onDelete) : field.isOptional ? "SET NULL" : "RESTRICT",
        onUpdate: onUpdate ? referentialAction(onUpdate) : "CASCADE",
      });
    }

    tables.push({ name: table, columns, primaryKey: { name: `${table}_pkey`, columns: pkColumns }, indexes, foreignKeys });
  }
  return { tables, enums: schema.enums };
}

/** Every constraint and index name Prisma would generate, to check none exceeds PostgreSQL's limit. */
export function generatedNames(db: ExpectedDatabase): string[] {
  return db.tables.flatMap((table) => [
    table.name,
    table.primaryKey.name,
    ...table.indexes.map((index) => index.name),
    ...table.foreignKeys.map((fk) => fk.name),
  ]);
}
