import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { accountPolicy, forgiveAttempts, minutesUntil, takeAttempt } from "@/lib/auth/login-throttle";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { linkIntakeApplications } from "./queries";

/**
 * Links 渝快办 applications to the signed-in applicant once they give the applicant's resident
 * ID (docs/decisions/005). Wrong IDs count against a lock like failed sign-ins, so the form cannot
 * be used to guess which ID numbers applied with a given mobile number. Each attempt is counted
 * before it is checked, so parallel guesses cannot pass the limit either.
 */
export async function linkIntakeWithResidentId(actor: Actor, residentId: string, now: Date = new Date()): Promise<{ linked: number }> {
  const key = { key: `link-intake:${actor.id}`, policy: accountPolicy };
  const attempt = await takeAttempt(prisma, [key], now);
  if (!attempt.allowed) {
    throw new AppError("RATE_LIMITED", { messageKey: "applicant.linkIntake.locked", values: { minutes: minutesUntil(attempt.lockedUntil, now) } });
  }
  const linked = await linkIntakeApplications(actor, residentId);
  if (linked === 0) {
    throw new AppError("VALIDATION", { messageKey: "applicant.linkIntake.noMatch", fieldErrors: { residentId: ["applicant.linkIntake.noMatch"] } });
  }
  await forgiveAttempts(prisma, key, attempt.numbers[0]!);
  return { linked };
}
