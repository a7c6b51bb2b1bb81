import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "./button";

/** Previous / next links with "page N of M"; hidden when there is one page. */
export async function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  const disabled = buttonClasses("secondary", "pointer-events-none whitespace-nowrap opacity-40");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClasses("secondary", "whitespace-nowrap")}>
          {t("previousPage")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t("previousPage")}
        </span>
      )}
      <span className="text-center text-sm text-slate-700" aria-current="page">
        {t("pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClasses("secondary", "whitespace-nowrap")}>
          {t("nextPage")}
        </Link>
      ) : (
        <span aria-disabled="true" className={disabled}>
          {t("nextPage")}
        </span>
      )}
    </nav>
  );
}
