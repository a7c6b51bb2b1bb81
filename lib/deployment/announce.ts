import "server-only";
import { intakeSecretState } from "@/lib/intake/signature";
import { deploymentMode } from "./mode";

/**
 * What the server tells its operator at start: which kind of portal this is and what that means
 * for the intake API's secret. Never the secret itself.
 */
export async function deploymentNotice(): Promise<{ level: "info" | "warn"; lines: string[] }> {
  const mode = await deploymentMode();
  const intake = await intakeSecretState();
  const lines: string[] = [];
  if (mode === "demo") {
    lines.push("demo portal on the embedded database: demo accounts with known passwords; not for real households.");
    lines.push(intake.secret !== null && intake.source === "development"
      ? "intake API: signed with the public development secret (dev-intake-secret), as the demo allows."
      : "intake API: signed with INTAKE_HMAC_SECRET.");
    return { level: "info", lines };
  }
  lines.push("production portal on a real PostgreSQL: the development intake secret is never accepted here.");
  if (intake.secret === null) {
    lines.push(intake.problem === "missing"
      ? "intake API: INTAKE_HMAC_SECRET is not set, so every intake request is refused (503) until it is."
      : "intake API: INTAKE_HMAC_SECRET is the public development secret, so every intake request is refused (503); set a secret of your own.");
    return { level: "warn", lines };
  }
  lines.push("intake API: signed with INTAKE_HMAC_SECRET.");
  return { level: "info", lines };
}
