import "server-only";
import { prisma } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { endAllSessions } from "./accounts";
import { signOut } from "./auth";
import { getUserToChangePassword } from "./session";

/**
 * Signs the account out everywhere (decision 031): its session version is raised, so the cookie of
 * every other browser or phone it is signed in on stops standing too; audited. The caller sends the
 * visitor on.
 */
export async function signOutCurrentUser(): Promise<void> {
  const user = await getUserToChangePassword();
  if (user) {
    await prisma.$transaction(async (tx) => {
      await endAllSessions(user.id, tx);
      await writeAudit({ actorId: user.id, actorRole: user.role, action: "auth.sign_out", entityType: "User", entityId: user.id, districtCode: user.districtCode }, tx);
    });
  }
  await signOut({ redirect: false });
}
