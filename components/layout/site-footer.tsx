import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="mt-auto border-t border-slate-200 bg-slate-100">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>{t("footerBasis")}</p>
        <p>{t("footerHelp")}</p>
      </div>
    </footer>
  );
}
