// The portal's Prisma client with resident IDs encrypted at rest (lib/db/resident-id-fields.ts,
// decision 037). No "server-only": the end-to-end fixtures' client is made here too.
import type { PrismaClient } from "../generated/prisma/client";
import { keyRing, type KeyRing } from "../crypto/keys";
import { transformArgs, transformResult } from "./resident-id-fields";

export function withEncryptedResidentIds(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          // The key ring is read once per query, and only for a query that meets a resident ID.
          let ring: KeyRing | undefined;
          const keys = () => (ring ??= keyRing());
          const result = await query(transformArgs(args, keys, "other", model) as typeof args);
          return transformResult(result, keys);
        },
      },
    },
  });
  // The extension changes no types: the client keeps PrismaClient's API.
  return extended as unknown as PrismaClient;
}
