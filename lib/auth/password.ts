import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a malformed hash; never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * The password hash of an account nobody can sign in to yet: a staff account waiting for its holder
 * to set a password with an activation code (decision 031). No password verifies against it.
 */
export const UNUSABLE_PASSWORD_HASH = "!activation-pending";

export function isUsablePasswordHash(passwordHash: string): boolean {
  return !passwordHash.startsWith("!");
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so response time does not
 * tell an attacker which accounts are registered.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("anju-dummy-password-0");
  await verifyPassword(await dummyHash, password);
  return false;
}
