"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { importCollectionFile, resolveCollectionLine } from "./bank-collections";
import { collectionUploadSchema, resolveCollectionLineSchema } from "./schemas";

// Bank collection files: the services decide the officer's district and what each line may settle.

const refreshed = refreshedTenancy;

// The import goes on to the file's page: no refresh of this one (it would take the form away first).
export const importCollectionFileAction = authedAction(collectionUploadSchema, "lease:manage", async ({ file, ...input }, { user }) =>
  importCollectionFile(user, { ...input, fileName: file.name.slice(0, 200) || "collection.csv", bytes: new Uint8Array(await file.arrayBuffer()) }),
);

export const resolveCollectionLineAction = authedAction(resolveCollectionLineSchema, "lease:manage", async (input, { user }) => refreshed(await resolveCollectionLine(user, input)));
