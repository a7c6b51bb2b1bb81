import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { deploymentMode } from "@/lib/deployment/mode";
import { getEnv } from "@/lib/env";

/** On the demo only: where the codes it "sends" can be read (docs/decisions/035). */
export async function DevOutboxHint() {
  if (getEnv().SMS_PROVIDER !== "dev" || (await deploymentMode()) !== "demo") return null;
  const t = await getTranslations("auth.devOutbox");
  return (
    <Alert tone="info" className="mb-4">
      {t("hint")}{" "}
      <Link href="/sms-outbox" className="font-medium underline underline-offset-4">
        {t("title")}
      </Link>
    </Alert>
  );
}
