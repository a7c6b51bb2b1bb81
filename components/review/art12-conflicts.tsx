import { getFormatter, getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { ConflictRow } from "@/lib/applications/art12-conflicts";

/** The list of refused submissions with who of each household is claimed, and by what. */
export async function Art12Conflicts({ page }: { page: { items: ConflictRow[]; total: number; page: number; pageCount: number } }) {
  const t = await getTranslations("review.conflicts");
  const format = await getFormatter();
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("description")}</p>} />
      <p className="mb-3 text-sm text-slate-600">{t("total", { total: page.total })}</p>
      {page.items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <ul className="space-y-3" data-testid="art12-conflicts">
          {page.items.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">{t("applicant", { name: c.applicantName ?? t("unknownApplicant") })}</p>
                <p className="text-sm text-slate-600">{format.dateTime(c.at, { dateStyle: "medium", timeStyle: "short" })}</p>
              </div>
              <ul className="mt-2 space-y-1 text-sm">
                {c.members.map((m) => (
                  <li key={m.path}>
                    <span className="font-medium">{m.name}</span> <span className="font-mono">{m.maskedResidentId}</span>
                    {"："}
                    {m.claimedBy.map((claim) => t(claim.kind === "lease" ? "claimedByLease" : "claimedByApplication", { number: claim.number })).join(t("separator"))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => `/staff/review/conflicts?page=${p}`} />
    </Container>
  );
}
