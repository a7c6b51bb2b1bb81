import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";

// The one place that reads process.env (house style: validated environment).
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  INTAKE_HMAC_SECRET: z.string().min(8).optional(),
  UPLOAD_DIR: z.string().optional(),
  /** Where uploaded files live: the local disk (default) or an S3-compatible object store (lib/storage). */
  STORAGE: z.enum(["local", "s3"]).optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).optional(),
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9._\/-]*$/).optional(),
  /** Keys of personal data at rest: `id:base64` AES-256 keys, the first encrypts (lib/crypto/keys.ts, decision 037). */
  DATA_KEYS: z.string().min(1).optional(),
  /** The HMAC-SHA-256 key (32 bytes, base64) of blind indexes over encrypted values. */
  BLIND_INDEX_KEY: z.string().min(1).optional(),
  /** The built-in test payment provider's callback secret (lib/payments/test-provider.ts). */
  PAYMENT_TEST_SECRET: z.string().min(8).optional(),
  /** Who sends text messages (lib/sms/provider.ts): only the development provider is built yet. */
  SMS_PROVIDER: z.enum(["dev"]).default("dev"),
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed: addresses and CIDR ranges, v4 and v6,
   * comma-separated. Unset or empty: no forwarded header is believed (docs/decisions/030).
   */
  TRUSTED_PROXIES: z.string().optional().refine((text) => parseTrustedProxies(text).ok, "TRUSTED_PROXIES must be IP addresses or CIDR ranges, comma-separated"),
}).refine((env) => env.STORAGE !== "s3" || env.S3_BUCKET, { path: ["S3_BUCKET"], message: "STORAGE=s3 needs S3_BUCKET" });

export type Env = z.infer<typeof schema>;

/**
 * The validated environment. Parsed on every call (it is a handful of strings), so that a value a
 * start script or test sets before using the database is always seen.
 */
export function getEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}

export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the portal with `npm start`, which serves an embedded database when DATABASE_URL is absent.",
    );
  }
  return url;
}
