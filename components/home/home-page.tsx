import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { HomeActions } from "./home-actions";

function Icon({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
      <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </span>
  );
}

const icons = {
  apply: (
    <>
      <path d="M7 3h7l5 5v13H7z" />
      <path d="M14 3v5h5M10 13h6M10 17h4" />
    </>
  ),
  status: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  publicity: (
    <>
      <path d="M4 10v4l11 5V5L4 10Z" />
      <path d="M18 9.5a3.5 3.5 0 0 1 0 5" />
    </>
  ),
  rules: (
    <>
      <path d="M5 4h10a4 4 0 0 1 4 4v12H9a4 4 0 0 1-4-4z" />
      <path d="M9 9h6M9 13h6" />
    </>
  ),
};

export async function HomePage() {
  const t = await getTranslations("home");
  const services = [
    { key: "apply", title: t("applyTitle"), body: t("applyBody") },
    { key: "status", title: t("statusTitle"), body: t("statusBody") },
    { key: "publicity", title: t("publicityTitle"), body: t("publicityBody") },
    { key: "rules", title: t("rulesTitle"), body: t("rulesBody") },
  ] as const;

  return (
    <>
      <section className="border-b border-brand-100 bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 sm:py-14">
          <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{t("title")}</h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">{t("intro")}</p>
          <ClientMessages base={false} namespaces={["home.goToMyApplication", "home.goToWorkbench", "home.startApplying", "home.signIn"]}>
            <HomeActions />
          </ClientMessages>
        </div>
      </section>

      <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
        <h2 className="mb-5 text-xl font-semibold text-slate-900">{t("servicesTitle")}</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {services.map((s) => (
            <li key={s.key}>
              <Card className="h-full">
                <div className="flex items-center gap-3">
                  <Icon>{icons[s.key]}</Icon>
                  <h3 className="text-lg font-semibold text-slate-900">{s.title}</h3>
                </div>
                <p className="mt-3 text-slate-700">{s.body}</p>
              </Card>
            </li>
          ))}
        </ul>

        <Card title={t("eligibilityTitle")} className="mt-8">
          <ul className="list-disc space-y-1.5 pl-5 text-slate-700 marker:text-brand-500">
            <li>{t("eligibility1")}</li>
            <li>{t("eligibility2")}</li>
            <li>{t("eligibility3")}</li>
            <li>{t("eligibility4")}</li>
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t("eligibilityNote")}</p>
        </Card>
      </div>
    </>
  );
}
