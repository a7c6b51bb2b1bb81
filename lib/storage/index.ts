import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { localDiskStore } from "./local-disk";
import type { ObjectStore } from "./object-store";
import { s3Store } from "./s3";

// The store this server uses, from its environment: STORAGE=s3 with S3_BUCKET (and S3_ENDPOINT,
// S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX) for an
// S3-compatible object store shared by every server; otherwise the local disk under UPLOAD_DIR
// (`.data/uploads` by default), which only one server can use.

let cached: { signature: string; store: ObjectStore } | null = null;

export function uploadRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), getEnv().UPLOAD_DIR ?? ".data/uploads");
}

export function objectStore(): ObjectStore {
  const env = getEnv();
  const signature = JSON.stringify([env.STORAGE, env.S3_BUCKET, env.S3_ENDPOINT, env.S3_REGION, env.S3_ACCESS_KEY_ID, env.S3_FORCE_PATH_STYLE, env.S3_PREFIX, uploadRoot()]);
  if (cached?.signature === signature) return cached.store;
  const store =
    env.STORAGE === "s3"
      ? s3Store({
          bucket: env.S3_BUCKET!,
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION ?? "us-east-1",
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE === "1" || env.S3_FORCE_PATH_STYLE === "true",
          prefix: env.S3_PREFIX ?? "",
        })
      : localDiskStore(uploadRoot());
  cached = { signature, store };
  return store;
}
