"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { appendUploadChunk, confirmImport, previewUpload, processBatch, startUpload } from "./import-service";
import { confirmImportSchema, previewUploadSchema, startUploadSchema, uploadChunkSchema } from "./schemas";

// Server actions of the shared-data import (Art. 17-18): thin wrappers around import-service.

export const startUploadAction = authedAction(startUploadSchema, "sharedData:import", (input, { user }) => startUpload(user, input));

export const uploadChunkAction = authedAction(uploadChunkSchema, "sharedData:import", (input, { user }) => appendUploadChunk(user, input));

export const previewUploadAction = authedAction(previewUploadSchema, "sharedData:import", (input, { user }) => previewUpload(user, input));

export const confirmImportAction = authedAction(confirmImportSchema, "sharedData:import", async (input, { user }) => {
  const result = await confirmImport(user, input);
  // Write the rows after the response; the batch page shows the progress, and the
  // shared-data-imports job resumes the batch if this process stops half-way.
  after(async () => {
    await processBatch(result.batchId).catch((error: unknown) => {
      console.error(`[shared-data] import ${result.batchId} interrupted: ${error instanceof Error ? error.name : "error"}`);
    });
  });
  revalidatePath("/staff/shared-data");
  return result;
});
