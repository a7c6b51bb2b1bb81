import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BatchSearch } from "@/components/publicity/batch-search";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { PublicRanking, PublicWaitingList } from "@/lib/allocation/waiting-list";
import { districtNames } from "@/lib/reference/districts";

/** Every waiting list with households in it: estate, district, unit type, how many wait. */
export async function PublicWaitingLists({ lists }: { lists: PublicWaitingList[] }) {
  const t = await getTranslations("allocation.waitingList.public");
  const stock = await getTranslations("stock");
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      {lists.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="waiting-lists">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("estate")}</th>
                  <th scope="col" className="py-2 pr-3">{t("district")}</th>
                  <th scope="col" className="py-2 pr-3">{t("unitType")}</th>
                  <th scope="col" className="py-2">{t("households")}</th>
                </tr>
              </thead>
              <tbody>
                {lists.map((l) => (
                  <tr key={l.listId} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      <Link href={`/waiting-lists/${encodeURIComponent(l.listId)}`} className="text-brand-700 underline">{l.estateName}</Link>
                    </th>
                    <td className="py-2 pr-3">{districtNames(l.districtCode).districtName}</td>
                    <td className="py-2 pr-3">{stock(`unitType.${l.unitType}`)}</td>
                    <td className="py-2 tabular-nums">{l.entryCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <p className="mt-4 text-sm text-slate-700">{t("order")}</p>
    </Container>
  );
}

/** One list's order, 50 a page, searchable by application number; numbers only, nothing personal. */
export async function PublicRankingPage({ ranking }: { ranking: PublicRanking }) {
  const t = await getTranslations("allocation.waitingList.public");
  const stock = await getTranslations("stock");
  const action = `/waiting-lists/${encodeURIComponent(ranking.listId)}`;
  const href = (page: number) => `${action}?${new URLSearchParams({ ...(ranking.q ? { q: ranking.q } : {}), page: String(page) }).toString()}`;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/waiting-lists" className="text-brand-700 underline-offset-2 hover:underline">← {t("title")}</Link>
      </p>
      <PageHeader
        title={t("rankingHeading", { estate: ranking.estateName, type: stock(`unitType.${ranking.unitType}`) })}
        description={<p>{t("summary", { total: ranking.total, housed: ranking.housedLastYear })}</p>}
      />
      <Card>
        <BatchSearch action={action} q={ranking.q} />
        {ranking.items.length === 0 ? (
          <p className="text-slate-800">{ranking.q ? t("noMatch", { q: ranking.q }) : t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="ranking">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("position")}</th>
                  <th scope="col" className="py-2 pr-3">{t("applicationNo")}</th>
                  <th scope="col" className="py-2 pr-3">{t("acceptedYear")}</th>
                  <th scope="col" className="py-2">{t("kind")}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.items.map((e) => (
                  <tr key={e.applicationNo} className="border-b border-slate-100" data-position={e.position}>
                    <td className="py-2 pr-3 tabular-nums">{e.position}</td>
                    <td className="whitespace-nowrap py-2 pr-3 font-mono">{e.applicationNo}</td>
                    <td className="py-2 pr-3 tabular-nums">{e.acceptedYear}</td>
                    <td className="py-2">{e.priority ? <Badge tone="info">{t("priority")}</Badge> : t("general")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={ranking.page} pageCount={ranking.pageCount} hrefFor={href} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        {t("order")}{" "}
        <a href={`/api/v1/waiting-lists/${encodeURIComponent(ranking.listId)}/ranking.txt`} className="text-brand-700 underline">ranking.txt</a>
      </p>
    </Container>
  );
}
