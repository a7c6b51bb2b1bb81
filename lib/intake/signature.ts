import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { deploymentMode, type DeploymentMode } from "@/lib/deployment/mode";
import { getEnv } from "@/lib/env";

// Requests from the 渝快办 platform are signed (shared/docs/intake-api.md): X-Intake-Timestamp is
// Unix seconds within 300 s of our clock; X-Intake-Signature is "sha256=" + lowercase hex
// HMAC-SHA256 over `${timestamp}.${rawBody}` with the shared secret INTAKE_HMAC_SECRET.

/** The public development secret: the demo on the embedded database only, never a real deployment. */
export const DEV_INTAKE_SECRET = "dev-intake-secret";
export const MAX_CLOCK_SKEW_SECONDS = 300;

export type IntakeSecretState =
  | { secret: string; source: "configured" | "development" }
  | { secret: null; problem: "missing" | "development-secret-in-production" };

/**
 * The secret the intake API checks signatures with. A demo (embedded database) uses
 * INTAKE_HMAC_SECRET or else the development secret; a production portal uses INTAKE_HMAC_SECRET
 * only, and refuses every request (503) when it is missing or is the public development secret.
 */
export function resolveIntakeSecret(configured: string | undefined, mode: DeploymentMode): IntakeSecretState {
  if (mode === "production") {
    if (!configured) return { secret: null, problem: "missing" };
    if (configured === DEV_INTAKE_SECRET) return { secret: null, problem: "development-secret-in-production" };
    return { secret: configured, source: "configured" };
  }
  return configured ? { secret: configured, source: "configured" } : { secret: DEV_INTAKE_SECRET, source: "development" };
}

export async function intakeSecretState(): Promise<IntakeSecretState> {
  return resolveIntakeSecret(getEnv().INTAKE_HMAC_SECRET, await deploymentMode());
}

export function signIntakeRequest(secret: string, timestamp: string, rawBody: Uint8Array | string): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

/** Checks the timestamp window, then the signature in constant time. */
export function verifyIntakeSignature(input: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: Uint8Array;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { ok: false, reason: "malformed" };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const skew = Math.abs(Math.floor(input.now.getTime() / 1000) - Number(timestamp.trim()));
  if (!(skew <= MAX_CLOCK_SKEW_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signIntakeRequest(input.secret, timestamp.trim(), input.rawBody).slice(7), "hex");
  const given = Buffer.from(match[1]!.toLowerCase(), "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
