import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { pageWindow } from "@/lib/db/paging";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { issueActivationCode, type ActivationCode } from "./accounts";
import { UNUSABLE_PASSWORD_HASH } from "./password";
import { assertCan, type Actor } from "./permissions";
import type { CreateStaffInput } from "./schemas";

export const STAFF_PAGE_SIZE = 20;

const staffSelect = {
  id: true,
  username: true,
  name: true,
  role: true,
  districtCode: true,
  district: { select: { name: true, nameEn: true } },
  isActive: true,
  mustChangePassword: true,
  activationExpiresAt: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type StaffUserRow = Prisma.UserGetPayload<{ select: typeof staffSelect }>;

export interface StaffPage {
  items: StaffUserRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Staff accounts, newest first, one page at a time. */
export async function listStaffUsers(actor: Actor, page: number): Promise<StaffPage> {
  assertCan(actor, "user:manage");
  const where = { role: { not: "APPLICANT" } } satisfies Prisma.UserWhereInput;
  const total = await prisma.user.count({ where });
  const window = pageWindow(page, total, STAFF_PAGE_SIZE);
  const items = await prisma.user.findMany({ where, select: staffSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: window.skip, take: window.take });
  return { items, total, page: window.page, pageCount: window.pageCount };
}

/**
 * Creates a staff account (administrators only) and records who created it. The account has no
 * password: its holder sets one with the one-time activation code returned here, which the
 * administrator hands over and which is shown only this once (decision 031).
 */
export async function createStaffUser(
  input: CreateStaffInput,
  { user: actor }: { user: Actor },
  now: Date = new Date(),
): Promise<{ id: string; username: string; activation: ActivationCode }> {
  assertCan(actor, "user:manage");
  const activation = issueActivationCode(input.username, now);
  return prisma.$transaction(async (tx) => {
    if (input.districtCode) {
      const district = await tx.district.findUnique({ where: { code: input.districtCode }, select: { code: true } });
      if (!district) {
        throw new AppError("VALIDATION", { fieldErrors: { districtCode: ["validation.districtUnknown"] } });
      }
    }
    const taken = await tx.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (taken) {
      throw new AppError("CONFLICT", { messageKey: "admin.users.usernameTaken", fieldErrors: { username: ["admin.users.usernameTaken"] } });
    }
    const created = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        role: input.role,
        districtCode: input.districtCode,
        passwordHash: UNUSABLE_PASSWORD_HASH,
        activationCodeHash: activation.codeHash,
        activationExpiresAt: activation.expiresAt,
      },
      select: { id: true, username: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        districtCode: input.districtCode,
        data: { role: input.role, username: input.username },
      },
      tx,
    );
    return { id: created.id, username: created.username ?? input.username, activation: { code: activation.code, expiresAt: activation.expiresAt } };
  });
}

/** Districts for pickers and the municipal overview, in code order. */
export async function listDistricts(): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  return prisma.district.findMany({ select: { code: true, name: true, nameEn: true }, orderBy: { code: "asc" } });
}
