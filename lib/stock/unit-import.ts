import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, type Actor } from "@/lib/auth/permissions";
import { now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import { issuesToFieldKeys } from "@/lib/actions/action-result";
import { readTable, TableError } from "@/lib/shared-data/read-table";
import type { CellValue } from "@/lib/shared-data/values";
import { unitImportRowSchema, type UnitImportRow } from "./schemas";
import { UNIT_ORIENTATIONS, UNIT_TYPES } from "./schema-options";
import { canManageEstate } from "./stock-service";

// Importing an estate's units from a CSV or XLSX file (the reader of the shared-data imports,
// lib/shared-data/read-table.ts: UTF-8 or GB18030 CSV, the first sheet of an XLSX). The officer
// uploads the file and sees a preview: how many rows, and every row's problems with the column and
// the reason; a file with any problem imports nothing. Confirming re-reads the same bytes and writes
// every unit (VACANT, with its first status event), creating the buildings it names, in one
// transaction: all the rows or none, and a second confirm of the same file finds the units taken.

/** Rows per file: a large estate's units in one file (a file stays under the 900 KB upload limit). */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 900 * 1024;

/** The file's columns: header (Chinese, as the template writes it), the row field, and aliases. */
export const UNIT_IMPORT_COLUMNS = [
  { field: "building", header: "楼栋", aliases: ["楼号", "栋"] },
  { field: "unitNo", header: "房号", aliases: ["房间号", "门牌号"] },
  { field: "floor", header: "楼层", aliases: ["层"] },
  { field: "unitType", header: "户型", aliases: [] },
  { field: "floorAreaM2", header: "建筑面积（㎡）", aliases: ["建筑面积", "面积", "建筑面积(㎡)", "建筑面积(m2)"] },
  { field: "orientation", header: "朝向", aliases: [] },
  { field: "marketRentYuan", header: "市场租金（元/月）", aliases: ["市场租金", "市场租金(元/月)"] },
  { field: "standardRentYuan", header: "标准租金（元/月）", aliases: ["标准租金", "租金标准", "标准租金(元/月)"] },
  { field: "structure", header: "结构", aliases: [] },
  { field: "fixtures", header: "附属设施", aliases: ["设施"] },
] as const;

const REQUIRED_FIELDS = ["building", "unitNo", "floor", "unitType", "floorAreaM2", "marketRentYuan", "standardRentYuan"];

/** What a cell may say for a unit type or an orientation: the code, or its Chinese name. */
const UNIT_TYPE_NAMES: Record<string, string> = { 单间配套: "STUDIO", 单间: "STUDIO", 一室一厅: "ONE_BEDROOM", 两室一厅: "TWO_BEDROOM", 二室一厅: "TWO_BEDROOM", 三室一厅: "THREE_BEDROOM" };
const ORIENTATION_NAMES: Record<string, string> = { 朝南: "SOUTH", 南: "SOUTH", 朝北: "NORTH", 北: "NORTH", 朝东: "EAST", 东: "EAST", 朝西: "WEST", 西: "WEST", 东南: "SOUTHEAST", 西南: "SOUTHWEST", 东北: "NORTHEAST", 西北: "NORTHWEST", 南北通透: "NORTH_SOUTH" };

export interface ImportProblem {
  /** The file's row number (1 = the header row), or 0 for the whole file. */
  rowNo: number;
  /** The column's header as the template names it, or null for the row or the file. */
  column: string | null;
  messageKey: string;
}

export interface ImportPreview {
  fileName: string;
  rows: number;
  buildings: string[];
  newBuildings: string[];
  problems: ImportProblem[];
  /** More problems than listed. */
  moreProblems: number;
}

const PROBLEMS_SHOWN = 100;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The file's rows as unit rows, with every problem found; nothing written. */
async function readUnits(estate: { id: string }, bytes: Uint8Array, fileName: string): Promise<{ rows: Array<UnitImportRow & { rowNo: number }>; problems: ImportProblem[]; buildings: Map<string, { id: string; floors: number | null } | null> }> {
  const problems: ImportProblem[] = [];
  const fail = (messageKey: string) => ({ rows: [], problems: [{ rowNo: 0, column: null, messageKey }], buildings: new Map() });
  if (bytes.length > MAX_IMPORT_BYTES) return fail("stock.import.errors.tooLarge");
  let table;
  try {
    table = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof TableError) return fail(`stock.import.errors.${error.code}`);
    throw error;
  }
  const position = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const text = h.trim();
    const column = UNIT_IMPORT_COLUMNS.find((c) => c.header === text || (c.aliases as readonly string[]).includes(text));
    if (column && !position.has(column.field)) position.set(column.field, i);
  });
  const missing = REQUIRED_FIELDS.filter((f) => !position.has(f));
  if (missing.length > 0) {
    return { rows: [], problems: missing.map((f) => ({ rowNo: 1, column: UNIT_IMPORT_COLUMNS.find((c) => c.field === f)!.header, messageKey: "stock.import.errors.missingColumn" })), buildings: new Map() };
  }
  const dataRows = table.rows.map((cells, i) => ({ cells, rowNo: i + 2 })).filter(({ cells }) => cells.some((c) => cellText(c) !== ""));
  if (dataRows.length === 0) return fail("stock.import.errors.noRows");
  if (dataRows.length > MAX_IMPORT_ROWS) return fail("stock.import.errors.tooManyRows");

  const rows: Array<UnitImportRow & { rowNo: number }> = [];
  const seen = new Map<string, number>();
  for (const { cells, rowNo } of dataRows) {
    const raw: Record<string, string> = {};
    for (const column of UNIT_IMPORT_COLUMNS) {
      const at = position.get(column.field);
      raw[column.field] = at === undefined ? "" : cellText(cells[at] ?? null);
    }
    raw.unitType = UNIT_TYPE_NAMES[raw.unitType!] ?? raw.unitType!.toUpperCase();
    raw.orientation = ORIENTATION_NAMES[raw.orientation!] ?? raw.orientation!.toUpperCase();
    if (raw.unitType && !(UNIT_TYPES as readonly string[]).includes(raw.unitType)) raw.unitType = "?";
    // An orientation the file names but the portal does not know: this column's problem, the rest still checked.
    const badOrientation = raw.orientation !== "" && !(UNIT_ORIENTATIONS as readonly string[]).includes(raw.orientation!);
    if (badOrientation) raw.orientation = "";
    const parsed = unitImportRowSchema.safeParse(raw);
    if (badOrientation) problems.push({ rowNo, column: "朝向", messageKey: "stock.validation.orientationInvalid" });
    if (!parsed.success || badOrientation) {
      if (parsed.success) continue;
      for (const [field, keys] of Object.entries(issuesToFieldKeys(parsed.error))) {
        const column = UNIT_IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? null;
        for (const key of keys) problems.push({ rowNo, column, messageKey: key });
      }
      continue;
    }
    const key = `${parsed.data.building}\u0000${parsed.data.unitNo}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ rowNo, column: "房号", messageKey: "stock.import.errors.duplicateInFile" });
      continue;
    }
    seen.set(key, rowNo);
    rows.push({ ...parsed.data, rowNo });
  }

  // The buildings the file names: existing ones (their floors bound the rows), or new ones.
  const names = [...new Set(rows.map((r) => r.building))];
  const existing = await prisma.building.findMany({ where: { estateId: estate.id, name: { in: names } }, select: { id: true, name: true, floors: true } });
  const buildings = new Map<string, { id: string; floors: number | null } | null>(names.map((n) => [n, null]));
  for (const b of existing) buildings.set(b.name, { id: b.id, floors: b.floors });
  const taken = existing.length
    ? await prisma.unit.findMany({ where: { buildingId: { in: existing.map((b) => b.id) }, unitNo: { in: rows.map((r) => r.unitNo) } }, select: { unitNo: true, building: { select: { name: true } } } })
    : [];
  const takenKeys = new Set(taken.map((u) => `${u.building.name}\u0000${u.unitNo}`));
  for (const r of rows) {
    const b = buildings.get(r.building);
    if (b && b.floors !== null && r.floor > b.floors) problems.push({ rowNo: r.rowNo, column: "楼层", messageKey: "stock.validation.floorAboveBuilding" });
    if (takenKeys.has(`${r.building}\u0000${r.unitNo}`)) problems.push({ rowNo: r.rowNo, column: "房号", messageKey: "stock.validation.unitNoTaken" });
  }
  problems.sort((a, b) => a.rowNo - b.rowNo);
  return { rows, problems, buildings };
}

async function managedEstate(actor: Actor, estateId: string) {
  const estate = await prisma.estate.findUnique({ where: { id: estateId }, select: { id: true, code: true, level: true, districtCode: true } });
  if (!estate || !can(actor, "estate:read", { districtCode: estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "stock.errors.notFound" });
  if (!canManageEstate(actor, estate)) throw new AppError("FORBIDDEN", { messageKey: estate.level === "MUNICIPAL" ? "stock.errors.municipalOnly" : "stock.errors.districtOnly" });
  return estate;
}

/** Reads a file and reports what importing it would do; writes nothing. */
export async function previewUnitImport(actor: Actor, input: { estateId: string; fileName: string; bytes: Uint8Array }): Promise<ImportPreview> {
  const estate = await managedEstate(actor, input.estateId);
  const { rows, problems, buildings } = await readUnits(estate, input.bytes, input.fileName);
  return {
    fileName: input.fileName,
    rows: rows.length + new Set(problems.filter((p) => p.rowNo > 1).map((p) => p.rowNo)).size,
    buildings: [...buildings.keys()],
    newBuildings: [...buildings.entries()].filter(([, b]) => b === null).map(([name]) => name),
    problems: problems.slice(0, PROBLEMS_SHOWN),
    moreProblems: Math.max(0, problems.length - PROBLEMS_SHOWN),
  };
}

/** Imports every row of a file without problems, in one transaction; a file with problems imports nothing. */
export async function importUnits(actor: Actor, input: { estateId: string; fileName: string; bytes: Uint8Array }, options: { now?: Date } = {}): Promise<{ imported: number; newBuildings: number }> {
  const estate = await managedEstate(actor, input.estateId);
  const at = options.now ?? clockNow();
  const { rows, problems, buildings } = await readUnits(estate, input.bytes, input.fileName);
  if (problems.length > 0) throw new AppError("VALIDATION", { messageKey: "stock.import.errors.fileHasProblems" });
  try {
    return await prisma.$transaction(
      async (tx) => {
        const ids = new Map<string, string>();
        let created = 0;
        for (const [name, b] of buildings) {
          if (b) ids.set(name, b.id);
          else {
            const floors = Math.max(...rows.filter((r) => r.building === name).map((r) => r.floor));
            ids.set(name, (await tx.building.create({ data: { estateId: estate.id, name, floors }, select: { id: true } })).id);
            created++;
          }
        }
        const units = rows.map((r) => ({
          id: crypto.randomUUID(),
          estateId: estate.id,
          buildingId: ids.get(r.building)!,
          unitNo: r.unitNo,
          floor: r.floor,
          unitType: r.unitType,
          floorAreaDm2: r.floorAreaDm2,
          orientation: r.orientation,
          marketRentFen: r.marketRentFen,
          standardRentFen: r.standardRentFen,
          structure: r.structure,
          fixtures: r.fixtures,
          status: "VACANT" as const,
          statusChangedAt: at,
        }));
        // (buildingId, unitNo) is unique: a unit added meanwhile makes the whole import fail.
        await tx.unit.createMany({ data: units });
        await tx.unitStatusEvent.createMany({ data: units.map((u) => ({ unitId: u.id, fromStatus: null, toStatus: "VACANT" as const, reason: `批量导入：${input.fileName}`.slice(0, 200), actorId: actor.id, actorRole: actor.role, at })) });
        await writeAudit(
          { actorId: actor.id, actorRole: actor.role, action: "stock.unit.import", entityType: "Estate", entityId: estate.id, districtCode: estate.districtCode, data: { estateCode: estate.code, fileName: input.fileName, units: units.length, newBuildings: created } },
          tx,
        );
        return { imported: units.length, newBuildings: created };
      },
      { timeout: 60_000, maxWait: 20_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error, "Unit_buildingId_unitNo_key") || isUniqueViolation(error, "Building_estateId_name_key")) {
      throw new AppError("CONFLICT", { messageKey: "stock.import.errors.changedMeanwhile", cause: error });
    }
    throw error;
  }
}
