import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatInstant } from "@/components/ui/format";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { deploymentMode } from "@/lib/deployment/mode";
import { getEnv } from "@/lib/env";
import { maskPhone } from "@/lib/rules/identity";
import { devOutbox } from "@/lib/sms/provider";

// The demo's SMS outbox (docs/decisions/035): what the development SMS provider "sent", so that a
// visitor can register and reset a password without a phone. Only on the demo (embedded database)
// with the development provider; anywhere else it does not exist.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.devOutbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function SmsOutboxPage() {
  if (getEnv().SMS_PROVIDER !== "dev" || (await deploymentMode()) !== "demo") notFound();
  const t = await getTranslations("auth.devOutbox");
  const messages = await devOutbox({ take: 30 });
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return (
    <Container narrow>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {messages.length === 0 ? (
        <Card><p className="text-slate-700">{t("empty")}</p></Card>
      ) : (
        <ul className="flex flex-col gap-3">
          {messages.map((m) => (
            <li key={String(m.id)}>
              <Card>
                <p className="text-sm text-slate-600">
                  {t("to")} {maskPhone(m.phone)} · {t("at")} {formatInstant(m.createdAt, locale)}
                </p>
                <p className="mt-2 break-words">{m.text}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
