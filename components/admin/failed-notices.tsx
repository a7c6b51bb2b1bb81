import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { FailedNoticePage } from "@/lib/notifications/failed";
import { RetryNoticeButton } from "./retry-notice-button";

/** Notices the outbox could not deliver, for administrators. */
export async function FailedNotices({ notices }: { notices: FailedNoticePage }) {
  const t = await getTranslations("admin.notifications");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Container>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <ButtonLink href="/staff/admin" variant="secondary">
            {t("back")}
          </ButtonLink>
        }
      />
      <p className="mb-3 text-sm text-slate-600">{t("total", { total: notices.total })}</p>
      {notices.items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {notices.items.map((n) => (
            <li key={n.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="failed-notice">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="danger">{t(`channel.${n.channel}`)}</Badge>
                <span className="text-sm text-slate-700">{t("recipient", { recipient: n.recipient })}</span>
                {n.applicationNo ? <span className="font-mono text-sm text-slate-600">{n.applicationNo}</span> : null}
              </div>
              <p className="mt-2 text-slate-900">{n.text}</p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("createdAt")}</dt>
                <dd>{when(n.createdAt)}</dd>
                <dt className="text-slate-600">{t("attempts")}</dt>
                <dd>{t("attemptsValue", { attempts: n.attempts, last: when(n.lastAttemptAt) })}</dd>
                <dt className="text-slate-600">{t("lastError")}</dt>
                <dd className="break-words">{n.lastError ?? t("noError")}</dd>
              </dl>
              <div className="mt-3">
                <ClientMessages namespaces={["admin.notifications"]}>
                  <RetryNoticeButton notificationId={n.id} />
                </ClientMessages>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={notices.page} pageCount={notices.pageCount} hrefFor={(page) => `/staff/admin/notifications?page=${page}`} />
    </Container>
  );
}
