import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import { checkPhoneCode, invalidCodeError, sendPhoneCode, sendPhoneNotice, takeSendAttempt, usePhoneCode } from "./phone-codes";

// Registration proves the mobile number by an SMS code and never says whether a number already
// has an account (docs/decisions/035): step 1 answers the same for every number (a code goes to a
// new number, a notice "this number has an account; use 忘记密码" to a registered one); step 2
// fails with the one neutral answer of a wrong code, also when the number was registered in the
// meantime. Sending is rate limited per number and per client address.

/** Step 1: a code to a number that can register, a notice to one that cannot; the same answer. */
export async function requestRegistrationCode(phone: string, ip: string | null, now: Date = new Date()): Promise<void> {
  await takeSendAttempt(phone, ip, now);
  const existing = await prisma.user.findUnique({ where: { phone }, select: { id: true } });
  if (existing) await sendPhoneNotice(phone, "registerExisting");
  else await sendPhoneCode(phone, "REGISTER", "registerCode", now);
}

/**
 * Step 2: the code, then the account and its audit row in one transaction with the code's use.
 * The unique index on the phone decides between two registrations racing for one number; the
 * loser gets the neutral failure (AppError VALIDATION on `code`), as a wrong code does.
 */
export async function completeRegistration(
  input: { name: string; phone: string; code: string; password: string },
  now: Date = new Date(),
): Promise<{ id: string }> {
  const codeId = await checkPhoneCode(input.phone, "REGISTER", input.code, now);
  if (!codeId) throw invalidCodeError();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await usePhoneCode(tx, codeId, now))) throw invalidCodeError();
      const user = await tx.user.create({ data: { name: input.name, phone: input.phone, passwordHash, role: "APPLICANT" }, select: { id: true } });
      await writeAudit({ actorId: user.id, actorRole: "APPLICANT", action: "user.register", entityType: "User", entityId: user.id, data: { phoneVerified: "sms" } }, tx);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalidCodeError();
    throw error;
  }
}
