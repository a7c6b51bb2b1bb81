import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DrawResults } from "@/components/allocation/draw-results";
import { DrawVerification } from "@/components/allocation/draw-verification";
import { listDrawResults } from "@/lib/allocation/draw-results";
import type { Locale } from "@/i18n/config";
import { drawWitnesses, getPublicDraw } from "@/lib/allocation/lottery";

// A draw's public verification page (shared/docs/lottery-publication.md): its own values in the
// shell steps anyone can run with sha256sum. Read per request: a draw changes at the draw.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; drawId: string }>; searchParams: Promise<{ page?: string | string[]; q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.verify" });
  return { title: t("title") };
}

export default async function LotteryVerificationPage({ params, searchParams }: Props) {
  const { locale, drawId } = await params;
  setRequestLocale(locale as Locale);
  const draw = await getPublicDraw(drawId);
  if (!draw) notFound();
  if (draw.status !== "DRAWN") return <DrawVerification draw={draw} />;
  // The result, 50 a page or searched by application number (Art. 23).
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const [results, witnesses] = await Promise.all([
    listDrawResults(draw.drawId, draw.entrantCount, { page: Number.parseInt(one(query.page) ?? "1", 10), q: one(query.q) }),
    drawWitnesses(draw.drawId),
  ]);
  return <DrawVerification draw={draw} witnesses={witnesses} results={<DrawResults drawId={draw.drawId} results={results} winners={Math.min(draw.units, draw.entrantCount)} entrants={draw.entrantCount} />} />;
}
