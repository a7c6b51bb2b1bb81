import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Search a batch by application number (whole or beginning): a plain GET form, no script needed. */
export async function BatchSearch({ action, q }: { action: string; q: string }) {
  const t = await getTranslations("publicity.public");
  return (
    <form method="get" action={action} role="search" aria-label={t("searchTitle")} className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 sm:w-96">
        <TextField name="q" label={t("searchLabel")} hint={t("searchHint")} defaultValue={q} maxLength={32} autoComplete="off" spellCheck={false} />
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("secondary")}>
          {t("searchSubmit")}
        </button>
        {q ? (
          <a href={action} className={buttonClasses("ghost")}>
            {t("showAll")}
          </a>
        ) : null}
      </div>
    </form>
  );
}

/** Go straight to page N of a long list (200 pages for 10,000 households). */
export async function PageJump({ action, q, pageCount }: { action: string; q: string; pageCount: number }) {
  const t = await getTranslations("publicity.public");
  return (
    <form method="get" action={action} className="mt-3 flex items-end justify-end gap-2">
      {q ? <input type="hidden" name="q" value={q} /> : null}
      <label className="flex flex-col text-sm text-slate-700">
        <span>{t("pageNumber", { pageCount })}</span>
        <input
          type="number"
          name="page"
          min={1}
          max={pageCount}
          required
          inputMode="numeric"
          className="mt-1 h-11 w-24 rounded-md border border-slate-400 px-3 text-base"
        />
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("go")}
      </button>
    </form>
  );
}
