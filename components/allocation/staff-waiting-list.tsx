import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatCstDate } from "@/lib/applications/format";
import type { StaffWaitingList } from "@/lib/allocation/waiting-list";

/** An estate's waiting list (轮候) for one unit type, in the order rankWaitingList gives, 50 a page. */
export async function StaffWaitingListPage({ data }: { data: StaffWaitingList }) {
  const t = await getTranslations("allocation.waitingList");
  const stock = await getTranslations("stock");
  const lang = (await getLocale()) === "en" ? "en" : "zh-CN";
  const self = `/staff/waiting-lists/${encodeURIComponent(data.listId)}`;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={`/staff/estates/${encodeURIComponent(data.estate.code)}`} className="text-brand-700 underline-offset-2 hover:underline">← {data.estate.name}</Link>
      </p>
      <PageHeader
        title={t("staff.title", { estate: data.estate.name, type: stock(`unitType.${data.unitType}`) })}
        description={<p>{t("staff.summary", { total: data.total, housed: data.housedLastYear })}</p>}
      />
      <Card title={t("staff.order")}>
        <p className="mb-4 text-sm text-slate-700">{t("mine.order")}</p>
        {data.items.length === 0 ? (
          <EmptyState title={t("staff.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("staff.position")}</th>
                  <th scope="col" className="py-2 pr-3">{t("staff.applicationNo")}</th>
                  <th scope="col" className="py-2 pr-3">{t("staff.applicant")}</th>
                  <th scope="col" className="py-2 pr-3">{t("staff.acceptedAt")}</th>
                  <th scope="col" className="py-2">{t("staff.kind")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id} className="border-b border-slate-100" data-position={e.position}>
                    <td className="py-2 pr-3 tabular-nums">{e.position}</td>
                    <td className="whitespace-nowrap py-2 pr-3 font-mono">{e.applicationNo}</td>
                    <td className="py-2 pr-3">{e.applicantName ?? "—"}</td>
                    <td className="py-2 pr-3">{formatCstDate(e.acceptedAt, lang)}</td>
                    <td className="py-2">{e.isPriority ? <Badge tone="info">{t("staff.priority")}</Badge> : t("staff.general")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pageCount={data.pages} hrefFor={(p) => `${self}?page=${p}`} />
      </Card>
      <p className="mt-4 text-sm">
        <a href={`/api/v1/waiting-lists/${encodeURIComponent(data.listId)}/ranking.txt`} className="text-brand-700 underline">ranking.txt</a>
      </p>
    </Container>
  );
}
