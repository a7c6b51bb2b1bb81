import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { signOut } from "./auth";
import { getCurrentUser } from "./session";

/** Ends the session (audited); the caller sends the visitor on. */
export async function signOutCurrentUser(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await writeAudit({
      actorId: user.id,
      actorRole: user.role,
      action: "auth.sign_out",
      entityType: "User",
      entityId: user.id,
      districtCode: user.districtCode,
    });
  }
  await signOut({ redirect: false });
}
