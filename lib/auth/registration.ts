import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "./password";
import type { RegisterInput } from "./schemas";

/**
 * An applicant registers (the one way an applicant account comes to be): the account and its
 * audit row, in one transaction. The unique index on the phone decides between two registrations
 * racing for one number. "phone-taken" when the number already has an account.
 */
export async function registerApplicant(input: Pick<RegisterInput, "name" | "phone" | "password">): Promise<{ id: string } | "phone-taken"> {
  if (await prisma.user.findUnique({ where: { phone: input.phone }, select: { id: true } })) return "phone-taken";
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, phone: input.phone, passwordHash, role: "APPLICANT" }, select: { id: true } });
      await writeAudit({ actorId: user.id, actorRole: "APPLICANT", action: "user.register", entityType: "User", entityId: user.id }, tx);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "phone-taken";
    throw error;
  }
}
