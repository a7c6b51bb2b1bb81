import { z } from "zod";

// The one place that reads process.env (house style: validated environment).
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  INTAKE_HMAC_SECRET: z.string().min(8).optional(),
  UPLOAD_DIR: z.string().optional(),
  /** The built-in test payment provider's callback secret (lib/payments/test-provider.ts). */
  PAYMENT_TEST_SECRET: z.string().min(8).optional(),
});

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
