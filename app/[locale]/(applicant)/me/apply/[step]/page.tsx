import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApplyStepPage } from "@/components/applications/apply-step-page";
import { activeApplicationNoFor, getDraftView, reviewDraft } from "@/lib/applications/drafts";
import { listDistrictOptions, listPublicEstates } from "@/lib/applications/estates";
import { APPLY_STEPS, isApplyStep, type ApplyStep } from "@/lib/applications/schemas";
import { requirePermission } from "@/lib/auth/session";

type Params = { params: Promise<{ step: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations("applications.apply");
  return { title: isApplyStep(step) ? `${t(`steps.${step}`)} · ${t("title")}` : t("title") };
}

/** What a step needs saved before it can be filled in. */
const PREREQUISITES: Record<ApplyStep, ApplyStep[]> = {
  household: [],
  work: ["household"],
  housing: ["household", "work"],
  where: ["household", "work"],
  documents: ["household"],
  review: ["household"],
};

export default async function ApplyStepRoute({ params }: Params) {
  const { step } = await params;
  if (!isApplyStep(step)) notFound();
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: `/me/apply/${step}` });
  const view = await getDraftView(user);
  if (!view) {
    if (await activeApplicationNoFor(user)) redirect("/me/apply");
    if (step !== "household") redirect("/me/apply/household");
  } else {
    const missing = PREREQUISITES[step].find((s) => !view.savedSteps.includes(s));
    if (missing) redirect(`/me/apply/${missing}`);
  }
  const locale = await getLocale();
  const needsPlaces = step === "work" || step === "where" || step === "review";
  const [districts, estates, review] = await Promise.all([
    needsPlaces ? listDistrictOptions() : Promise.resolve([]),
    step === "where" || step === "review" ? listPublicEstates() : Promise.resolve([]),
    step === "review" && view ? reviewDraft(user, locale === "en" ? "en" : "zh-CN") : Promise.resolve(null),
  ]);
  const index = APPLY_STEPS.indexOf(step);
  return (
    <ApplyStepPage
      userName={user.name}
      step={step}
      view={view}
      review={review}
      districts={districts}
      estates={estates}
      back={index > 0 ? `/me/apply/${APPLY_STEPS[index - 1]}` : "/me"}
      next={`/me/apply/${APPLY_STEPS[Math.min(index + 1, APPLY_STEPS.length - 1)]}`}
    />
  );
}
