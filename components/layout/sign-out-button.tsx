import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";

export async function SignOutButton() {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses("ghost", "px-3")}>
        {t("signOut")}
      </button>
    </form>
  );
}
