import { getLocale, getTranslations } from "next-intl/server";
import { formatInstantDate } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import type { Refusal } from "@/lib/appeals/appeals";
import { articleList } from "@/lib/applications/status-reason-text";
import { REFUSAL_CODES } from "@/lib/review/schemas";

/** The refusal an appeal contests: its reasons, the articles cited, or the upheld objection's findings. */
export async function RefusalSummary({ refusal }: { refusal: Refusal | null }) {
  const t = await getTranslations("appeals.applicant");
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  if (!refusal) return <p className="text-slate-700">{t("noRefusal")}</p>;
  const date = formatInstantDate(refusal.decidedAt);
  if (refusal.kind === "OBJECTION") {
    return (
      <div className="flex flex-col gap-2">
        <p className="font-medium text-slate-900">{t("refusalObjection", { date })}</p>
        {refusal.findings ? <p className="whitespace-pre-line text-slate-800">{t("findings", { text: refusal.findings })}</p> : null}
      </div>
    );
  }
  const codes = refusal.reasons.filter((r) => (REFUSAL_CODES as string[]).includes(r.code));
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium text-slate-900">{t("refusalReview", { level: refusal.level ? review(`level.${refusal.level}`) : "", date })}</p>
      {codes.length > 0 ? (
        <ul className="list-disc pl-5 text-slate-800">
          {codes.map((c) => (
            <li key={c.code}>{review(`reasonCodes.${c.code}`)}</li>
          ))}
        </ul>
      ) : null}
      {refusal.message ? <p className="whitespace-pre-line text-slate-800">{review("detail.officerNote", { text: refusal.message })}</p> : null}
      {refusal.articlesCited.length > 0 ? <p className="text-sm text-slate-600">{review("detail.articles", { articles: articleList(refusal.articlesCited, locale === "en" ? "en" : "zh-CN") })}</p> : null}
    </div>
  );
}
