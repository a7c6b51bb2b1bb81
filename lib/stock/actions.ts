"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { addBuildingSchema, addUnitSchema, changeUnitStatusSchema, createEstateSchema, unitImportFileSchema, updateEstateSchema, updateUnitSchema } from "./schemas";
import { addBuilding, addUnit, changeUnitStatus, createEstate, updateEstate, updateUnit } from "./stock-service";
import { importUnits, previewUnitImport } from "./unit-import";

// Officers' stock pages are rendered per request; each action refreshes the pages it changed.
// The service decides who manages which estate (municipal or district); the permission named
// here only admits officers who read the stock at all.

export const addBuildingAction = authedAction(addBuildingSchema, "estate:read", async (input, { user }) => {
  const result = await addBuilding(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "page");
  return result;
});

export const addUnitAction = authedAction(addUnitSchema, "estate:read", async (input, { user }) => {
  const result = await addUnit(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "layout");
  return result;
});

export const updateUnitAction = authedAction(updateUnitSchema, "estate:read", async (input, { user }) => {
  const result = await updateUnit(user, input);
  revalidatePath("/[locale]/(staff)/staff/units/[id]", "page");
  return result;
});

export const changeUnitStatusAction = authedAction(changeUnitStatusSchema, "estate:read", async (input, { user }) => {
  const result = await changeUnitStatus(user, input);
  revalidatePath("/[locale]/(staff)/staff/units/[id]", "page");
  return result;
});

export const createEstateAction = authedAction(createEstateSchema, "estate:read", async (input, { user }) => {
  const result = await createEstate(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates", "page");
  return result;
});

export const updateEstateAction = authedAction(updateEstateSchema, "estate:read", async (input, { user }) => {
  const result = await updateEstate(user, input);
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "page");
  return result;
});

// Importing units from a file: a preview first (nothing written), then the import of the same file.
// Problems are worded here, in the officer's language, so the page needs no message catalogue.
async function importInput(input: { estateId: string; file: File }) {
  return { estateId: input.estateId, fileName: input.file.name.slice(0, 200), bytes: new Uint8Array(await input.file.arrayBuffer()) };
}

export const previewUnitImportAction = authedAction(unitImportFileSchema, "estate:read", async (input, { user }) => {
  const preview = await previewUnitImport(user, await importInput(input));
  const t = await getServerTranslator();
  return { ...preview, problems: preview.problems.map((p) => ({ rowNo: p.rowNo, column: p.column, message: t(p.messageKey, undefined, "validation.invalid") })) };
});

export const importUnitsAction = authedAction(unitImportFileSchema, "estate:read", async (input, { user }) => {
  const result = await importUnits(user, await importInput(input));
  revalidatePath("/[locale]/(staff)/staff/estates/[code]", "layout");
  return result;
});
