import { z } from "zod";
import { parseDm2 } from "@/lib/money/parse";
import { yuanField } from "@/lib/money/yuan-field";
import { maxStandardRentFen } from "@/lib/rules/rent";
import { ESTATE_LEVELS, INVESTMENT_TYPES, STOCK_SOURCES, UNIT_ORIENTATIONS, UNIT_TYPES } from "./schema-options";
import { MANUAL_UNIT_STATUSES, UNIT_STATUSES } from "./unit-status";

// Inputs of the housing stock's forms and lists (messages are keys under "stock.validation").

const V = "stock.validation.";

export { ESTATE_LEVELS, INVESTMENT_TYPES, STOCK_SOURCES, UNIT_ORIENTATIONS, UNIT_TYPES } from "./schema-options";

/** A public rental home is at least a studio of some 10 m² and at most a large three-bedroom. */
const MIN_UNIT_AREA_DM2 = 1_000;
const MAX_UNIT_AREA_DM2 = 30_000;
/** A month's market rent above 100,000 yuan is surely a typing error. */
const MAX_RENT_FEN = 10_000_000;

const id = (key: string) => z.string({ error: `${V}${key}` }).trim().min(1, { error: `${V}${key}` }).max(64, { error: `${V}${key}` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${V}textTooLong` })
    .optional()
    .transform((v) => (v ? v : null));

const fenField = (requiredKey: string) => yuanField({ required: `${V}${requiredKey}`, invalid: `${V}rentInvalid`, tooLarge: `${V}rentTooLarge` }, MAX_RENT_FEN);

export const estateFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(50)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  level: z.enum(ESTATE_LEVELS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type EstateFilter = z.output<typeof estateFilterSchema>;

export const addBuildingSchema = z.object({
  estateId: id("estateMissing"),
  name: z.string({ error: `${V}buildingNameRequired` }).trim().min(1, { error: `${V}buildingNameRequired` }).max(20, { error: `${V}buildingNameTooLong` }),
  floors: z.coerce
    .number({ error: `${V}floorsInvalid` })
    .int({ error: `${V}floorsInvalid` })
    .min(1, { error: `${V}floorsInvalid` })
    .max(100, { error: `${V}floorsInvalid` }),
});
export type AddBuildingInput = z.output<typeof addBuildingSchema>;

/** The attributes of a unit as its form (and its import row) gives them. */
const unitFields = {
  unitNo: z
    .string({ error: `${V}unitNoRequired` })
    .trim()
    .min(1, { error: `${V}unitNoRequired` })
    .max(10, { error: `${V}unitNoInvalid` })
    .regex(/^[0-9A-Za-z-]+$/, { error: `${V}unitNoInvalid` })
    .transform((v) => v.toUpperCase()),
  floor: z.coerce
    .number({ error: `${V}floorInvalid` })
    .int({ error: `${V}floorInvalid` })
    .min(1, { error: `${V}floorInvalid` })
    .max(100, { error: `${V}floorInvalid` }),
  unitType: z.enum(UNIT_TYPES, { error: `${V}unitTypeRequired` }),
  // Typed in m² (the form's field), kept in dm².
  floorAreaM2: z
    .string({ error: `${V}areaRequired` })
    .trim()
    .min(1, { error: `${V}areaRequired` })
    .transform((text, ctx) => {
      const dm2 = parseDm2(text);
      if (!dm2.ok || dm2.value < MIN_UNIT_AREA_DM2 || dm2.value > MAX_UNIT_AREA_DM2) {
        ctx.addIssue({ code: "custom", message: `${V}areaInvalid` });
        return z.NEVER;
      }
      return dm2.value;
    }),
  orientation: z
    .enum(UNIT_ORIENTATIONS, { error: `${V}orientationInvalid` })
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => v ?? null),
  marketRentYuan: fenField("marketRentRequired"),
  standardRentYuan: fenField("standardRentRequired"),
  structure: optionalText(100),
  fixtures: optionalText(200),
};

/** Art. 27: the standard rent is at most 60 % of the market rent. */
function withinStandardRent<T extends { marketRentYuan: number; standardRentYuan: number }>(value: T, ctx: z.RefinementCtx): void {
  if (value.standardRentYuan > maxStandardRentFen(value.marketRentYuan)) {
    ctx.addIssue({ code: "custom", path: ["standardRentYuan"], message: `${V}standardRentAboveLimit` });
  }
}

function renameMoney<T extends { floorAreaM2: number; marketRentYuan: number; standardRentYuan: number }>({ floorAreaM2, marketRentYuan, standardRentYuan, ...rest }: T) {
  return { ...rest, floorAreaDm2: floorAreaM2, marketRentFen: marketRentYuan, standardRentFen: standardRentYuan };
}

export const addUnitSchema = z
  .object({ buildingId: id("buildingMissing"), ...unitFields })
  .superRefine(withinStandardRent)
  // The parsed figures are dm² and fen, and their names say so (errors still point at the form's fields).
  .transform(renameMoney);
export type AddUnitInput = z.output<typeof addUnitSchema>;

/** One row of a unit import file (lib/stock/unit-import.ts): its building by name, then the unit's fields. */
export const unitImportRowSchema = z
  .object({
    building: z.string({ error: `${V}buildingNameRequired` }).trim().min(1, { error: `${V}buildingNameRequired` }).max(20, { error: `${V}buildingNameTooLong` }),
    ...unitFields,
  })
  .superRefine(withinStandardRent)
  .transform(renameMoney);
export type UnitImportRow = z.output<typeof unitImportRowSchema>;

export const updateUnitSchema = z
  .object({ unitId: id("unitMissing"), ...unitFields })
  .superRefine(withinStandardRent)
  .transform(renameMoney);
export type UpdateUnitInput = z.output<typeof updateUnitSchema>;

export const changeUnitStatusSchema = z.object({
  unitId: id("unitMissing"),
  /** The status the officer saw: the change is made only if the unit still has it. */
  fromStatus: z.enum(UNIT_STATUSES, { error: `${V}unitMissing` }),
  toStatus: z.enum(MANUAL_UNIT_STATUSES, { error: `${V}statusRequired` }),
  reason: z.string({ error: `${V}reasonRequired` }).trim().min(4, { error: `${V}reasonRequired` }).max(500, { error: `${V}textTooLong` }),
});
export type ChangeUnitStatusInput = z.output<typeof changeUnitStatusSchema>;


const requiredText = (key: string, max: number) =>
  z.string({ error: `${V}${key}` }).trim().min(2, { error: `${V}${key}` }).max(max, { error: `${V}textTooLong` });

/** What an estate's form gives (Art. 6-11: how the stock was raised, who owns and runs it, its services). */
const estateFields = {
  name: requiredText("estateNameRequired", 50),
  nameEn: optionalText(100),
  stockSource: z.enum(STOCK_SOURCES, { error: `${V}stockSourceRequired` }),
  investment: z.enum(INVESTMENT_TYPES, { error: `${V}investmentRequired` }),
  ownerName: requiredText("ownerRequired", 100),
  operatorName: requiredText("operatorRequired", 100),
  address: requiredText("addressRequired", 200),
  elderlyCareServices: optionalText(200),
  childCareServices: optionalText(200),
};

export const createEstateSchema = z.object({
  code: z
    .string({ error: `${V}estateCodeRequired` })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, { error: `${V}estateCodeInvalid` }),
  districtCode: z.string({ error: `${V}districtRequired` }).regex(/^\d{6}$/, { error: `${V}districtRequired` }),
  ...estateFields,
});
export type CreateEstateInput = z.output<typeof createEstateSchema>;

export const updateEstateSchema = z.object({ estateId: id("estateMissing"), ...estateFields });
export type UpdateEstateInput = z.output<typeof updateEstateSchema>;

/** A unit import file as a form sends it (lib/stock/unit-import.ts reads the bytes). */
export const unitImportFileSchema = z.object({
  estateId: id("estateMissing"),
  file: z
    .instanceof(File, { error: `${V}importFileRequired` })
    .refine((f) => f.size > 0, { error: `${V}importFileRequired` })
    .refine((f) => f.size <= 900 * 1024, { error: `${V}importFileTooLarge` }),
});
