"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { markNotificationsReadAction } from "@/lib/applications/actions";

export interface InboxItem {
  id: string;
  text: string;
  at: string;
  unread: boolean;
}

/** The applicant's in-app notices about one application, newest first; reading them marks them read. */
export function NotificationsInbox({ applicationNo, items }: { applicationNo: string; items: InboxItem[] }) {
  const t = useTranslations("applications.statusPage");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const unread = items.filter((i) => i.unread).length;

  function mark(input: { ids?: string[]; applicationNo?: string }) {
    startTransition(async () => {
      await markNotificationsReadAction(input);
      router.refresh();
    });
  }

  if (items.length === 0) return <p className="text-slate-600">{t("noNotifications")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("unreadCount", { count: unread })}
        </p>
        {unread > 0 ? (
          <Button variant="secondary" className="min-h-9 px-3 text-sm" disabled={pending} onClick={() => mark({ applicationNo })}>
            {t("markAllRead")}
          </Button>
        ) : null}
      </div>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.id} className={cn("rounded-md border px-3 py-2", item.unread ? "border-brand-300 bg-brand-50" : "border-slate-200 bg-white")}>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              {item.unread ? <span className="rounded-full bg-brand-700 px-2 text-xs font-semibold text-white">{t("unread")}</span> : null}
              <time>{item.at}</time>
            </p>
            <p className="mt-1 text-slate-900">{item.text}</p>
            {item.unread ? (
              <Button variant="ghost" className="mt-1 min-h-9 px-2 text-sm" disabled={pending} onClick={() => mark({ ids: [item.id] })}>
                {t("markRead")}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
