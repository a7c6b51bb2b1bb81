// The portal's Prisma client with resident IDs encrypted at rest (lib/db/resident-id-fields.ts,
// decision 037). No "server-only": the end-to-end fixtures' client is made here too.
import type { PrismaClient } from "../generated/prisma/client";
import { transformArgs, transformResult } from "./resident-id-fields";

export function withEncryptedResidentIds(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          const result = await query(transformArgs(args, undefined, "other", model) as typeof args);
          return transformResult(result);
        },
      },
    },
  });
  // The extension changes no types: the client keeps PrismaClient's API.
  return extended as unknown as PrismaClient;
}
