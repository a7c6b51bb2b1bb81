import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/i18n/config";
import { setLocaleAction } from "@/lib/i18n/locale-actions";

/** One button per other language; works without JavaScript (a plain form post). */
export async function LanguageSwitcher() {
  const current = await getLocale();
  const t = await getTranslations("common");
  const others = locales.filter((l) => l !== current);
  return (
    <form action={setLocaleAction} className="flex shrink-0 items-center gap-1">
      {others.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-label={t("switchLanguageTo", { language: t(`locales.${locale}`) })}
          className="inline-flex min-h-11 min-w-11 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
            <circle cx="12" cy="12" r="9" />
            <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3Z" />
          </svg>
          {t(`locales.${locale}`)}
        </button>
      ))}
    </form>
  );
}
