// Users for integration tests, written straight into the test database (lib/db/client.ts's prisma).
import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

export type TestActor = Actor & { name: string };

let serial = 0;
const runTag = randomInt(100, 1000); // keeps usernames and phones apart if a file reruns without truncation

/** How each role signs in (docs/decisions/004): applicants with a mobile number, staff with a username. */
const signsInWith: Record<Role, "phone" | "username"> = { APPLICANT: "phone", DISTRICT_OFFICER: "username", MUNICIPAL_OFFICER: "username", ADMIN: "username" };

/** A user of `role`: staff get a username, applicants a mobile number; none can sign in (no real password hash). */
export async function createUser(role: Role, options: { districtCode?: string | null; name?: string; phone?: string } = {}): Promise<TestActor> {
  serial++;
  const byPhone = signsInWith[role] === "phone";
  return prisma.user.create({
    data: {
      role,
      name: options.name ?? `${role}-${serial}`,
      username: byPhone ? null : `u${runTag}.${serial}.${role.toLowerCase()}`,
      phone: byPhone ? (options.phone ?? `139${runTag}${String(serial).padStart(5, "0")}`) : null,
      passwordHash: "not-a-real-hash",
      districtCode: options.districtCode ?? null,
    },
    select: { id: true, role: true, districtCode: true, name: true },
  });
}
