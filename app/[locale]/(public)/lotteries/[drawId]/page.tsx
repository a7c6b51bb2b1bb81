import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DrawVerification } from "@/components/allocation/draw-verification";
import type { Locale } from "@/i18n/config";
import { getPublicDraw } from "@/lib/allocation/lottery";

// A draw's public verification page (shared/docs/lottery-publication.md): its own values in the
// shell steps anyone can run with sha256sum. Read per request: a draw changes at the draw.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; drawId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.verify" });
  return { title: t("title") };
}

export default async function LotteryVerificationPage({ params }: Props) {
  const { locale, drawId } = await params;
  setRequestLocale(locale as Locale);
  const draw = await getPublicDraw(drawId);
  if (!draw) notFound();
  return <DrawVerification draw={draw} />;
}
