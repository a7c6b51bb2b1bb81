// Importing an estate's units from CSV or XLSX against PostgreSQL: a preview that writes nothing
// and lists every row's problems with its column; an import of a clean file, all rows or none, with
// each unit's first status in its history; and the managers of the estate only.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { importUnits, previewUnitImport } from "@/lib/stock/unit-import";
import { YUZHONG } from "../support/districts";
import { failure } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createTestEstate } from "./estate-fixtures";
import { createCast, type Cast } from "./review-fixtures";

const HEADER = "楼栋,房号,楼层,户型,建筑面积（㎡）,朝向,市场租金（元/月）,标准租金（元/月）,结构,附属设施";
const csv = (...lines: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);

describe("unit import", () => {
  let cast: Cast;
  let estateId: string;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estateId = (await createTestEstate({ code: "IMP-001", districtCode: YUZHONG, level: "DISTRICT" })).id;
    await prisma.building.create({ data: { estateId, name: "1栋", floors: 6 } });
  });

  it("previews a clean file, then imports it all in one go with each unit's first status, and refuses it a second time", async () => {
    const bytes = csv("1栋,0101,1,一室一厅,48.60,朝南,1800,1000,钢混,空调", "1栋,0102,1,两室一厅,62.5,南北通透,2000.50,1200,,", "2栋,0201,2,单间配套,35.8,,1200,700,,");
    const preview = await previewUnitImport(cast.yz1, { estateId, fileName: "房源.csv", bytes });
    expect(preview).toMatchObject({ rows: 3, buildings: ["1栋", "2栋"], newBuildings: ["2栋"], problems: [] });
    expect(await prisma.unit.count()).toBe(0);
    expect(await importUnits(cast.yz1, { estateId, fileName: "房源.csv", bytes })).toEqual({ imported: 3, newBuildings: 1 });
    const units = await prisma.unit.findMany({ orderBy: { unitNo: "asc" }, select: { unitNo: true, unitType: true, floorAreaDm2: true, orientation: true, marketRentFen: true, standardRentFen: true, status: true, building: { select: { name: true } }, statusEvents: { select: { toStatus: true, actorId: true } } } });
    expect(units.map((u) => [u.building.name, u.unitNo, u.unitType, u.floorAreaDm2, u.orientation, u.marketRentFen, u.standardRentFen, u.status])).toEqual([
      ["1栋", "0101", "ONE_BEDROOM", 4860, "SOUTH", 180000, 100000, "VACANT"],
      ["1栋", "0102", "TWO_BEDROOM", 6250, "NORTH_SOUTH", 200050, 120000, "VACANT"],
      ["2栋", "0201", "STUDIO", 3580, null, 120000, 70000, "VACANT"],
    ]);
    expect(units.every((u) => u.statusEvents.length === 1 && u.statusEvents[0]!.toStatus === "VACANT" && u.statusEvents[0]!.actorId === cast.yz1.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "stock.unit.import" } })).toBe(1);
    // The same file again: every row's number is taken now.
    const again = await previewUnitImport(cast.yz1, { estateId, fileName: "房源.csv", bytes });
    expect(again.problems.map((p) => [p.rowNo, p.column, p.messageKey])).toEqual([2, 3, 4].map((row) => [row, "房号", "stock.validation.unitNoTaken"]));
    expect(await failure(importUnits(cast.yz1, { estateId, fileName: "房源.csv", bytes }))).toMatchObject({ code: "VALIDATION", messageKey: "stock.import.errors.fileHasProblems" });
    expect(await prisma.unit.count()).toBe(3);
  });

  it("lists every row's problem with its column and imports nothing from a file with any", async () => {
    const bytes = csv(
      "1栋,0101,1,一室一厅,48.6,朝南,1800,1000,,",
      "1栋,0101,1,一室一厅,48.6,朝南,1800,1000,,",
      "1栋,0103,9,一室一厅,48.6,朝南,1800,1000,,",
      "1栋,0104,1,豪华套房,1,朝天,1800,1000,,",
      "1栋,0105,1,一室一厅,48.6,朝南,1800,1500,,",
    );
    const preview = await previewUnitImport(cast.yz1, { estateId, fileName: "有误.csv", bytes });
    expect(preview.problems.map((p) => [p.rowNo, p.column, p.messageKey])).toEqual([
      [3, "房号", "stock.import.errors.duplicateInFile"],
      [4, "楼层", "stock.validation.floorAboveBuilding"],
      [5, "朝向", "stock.validation.orientationInvalid"],
      [5, "户型", "stock.validation.unitTypeRequired"],
      [5, "建筑面积（㎡）", "stock.validation.areaInvalid"],
      // Art. 27: the standard rent at most 60 % of the market rent.
      [6, "标准租金（元/月）", "stock.validation.standardRentAboveLimit"],
    ]);
    expect(await failure(importUnits(cast.yz1, { estateId, fileName: "有误.csv", bytes }))).toMatchObject({ code: "VALIDATION" });
    expect(await prisma.unit.count()).toBe(0);
    const noColumn = await previewUnitImport(cast.yz1, { estateId, fileName: "缺列.csv", bytes: new TextEncoder().encode("楼栋,房号\n1栋,0101\n") });
    expect(noColumn.problems.map((p) => p.column)).toEqual(["楼层", "户型", "建筑面积（㎡）", "市场租金（元/月）", "标准租金（元/月）"]);
    expect((await previewUnitImport(cast.yz1, { estateId, fileName: "a.pdf", bytes: new TextEncoder().encode("%PDF") })).problems).toEqual([{ rowNo: 0, column: null, messageKey: "stock.import.errors.UNSUPPORTED_FILE" }]);
  });

  it("reads the first sheet of an XLSX file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("房源");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["3栋", "0301", 3, "三室一厅", 78.1, "朝东", 2400, 1400, "", ""]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await importUnits(cast.yz1, { estateId, fileName: "房源.xlsx", bytes })).toEqual({ imported: 1, newBuildings: 1 });
    expect(await prisma.unit.findFirstOrThrow({ select: { unitNo: true, floorAreaDm2: true, unitType: true } })).toEqual({ unitNo: "0301", floorAreaDm2: 7810, unitType: "THREE_BEDROOM" });
  });

  it("is for the officers who manage the estate", async () => {
    const bytes = csv("1栋,0101,1,一室一厅,48.6,朝南,1800,1000,,");
    expect(await failure(previewUnitImport(cast.spb, { estateId, fileName: "x.csv", bytes }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(importUnits(cast.city, { estateId, fileName: "x.csv", bytes }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.unit.count()).toBe(0);
  });
});
