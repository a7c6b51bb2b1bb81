import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatIsoDate } from "@/lib/applications/format";
import type { DirectedDetail, DirectedSummary, PublicDirected } from "@/lib/allocation/directed";
import { NOMINEE_PROBLEM_ARTICLES } from "@/lib/allocation/directed-rules";
import { formatDm2 } from "@/lib/money/format";
import { districtNames } from "@/lib/reference/districts";
import { articleLabel } from "@/lib/rules/articles";
import { AddNominee, AssignNominee, CloseDirected, CreateDirected } from "./directed-forms";
import { DraftDirectedLease } from "./directed-lease-form";
import type { NomineeForLease } from "@/lib/tenancy/directed-leases";

// Directed allocation (定向配租, Art. 24): the officers' list, form and page, and the public notices.

async function lang(): Promise<"zh-CN" | "en"> {
  return (await getLocale()) === "en" ? "en" : "zh-CN";
}

async function SummaryList({ items, hrefOf }: { items: DirectedSummary[]; hrefOf: (id: string) => string }) {
  const t = await getTranslations("allocation.directed");
  const l = await lang();
  return (
    <ul className="flex flex-col gap-3" data-testid="directed-list">
      {items.map((d) => (
        <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            <Link href={hrefOf(d.id)} className="text-brand-700 underline">{d.recipientName}</Link>
            <Badge tone={d.status === "OPEN" ? "success" : "neutral"}>{t(`status.${d.status}`)}</Badge>
            <span className="text-sm font-normal text-slate-700">{t(`kinds.${d.kind}`)}</span>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {d.estate.name} · {districtNames(d.districtCode).districtName} · {t("list.units", { assigned: d.assigned, quota: d.quota })} · {t("list.period", { start: formatIsoDate(d.startDate, l), end: formatIsoDate(d.endDate, l) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export async function StaffDirectedList({ data, canCreate }: { data: { items: DirectedSummary[]; page: number; pageCount: number }; canCreate: boolean }) {
  const t = await getTranslations("allocation.directed");
  return (
    <Container>
      <PageHeader title={t("list.title")} description={<p>{t("list.intro")}</p>} actions={canCreate ? <ButtonLink href="/staff/directed/new">{t("list.new")}</ButtonLink> : null} />
      {data.items.length === 0 ? <EmptyState title={t("list.empty")} /> : <SummaryList items={data.items} hrefOf={(id) => `/staff/directed/${id}`} />}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => `/staff/directed?page=${p}`} />
    </Container>
  );
}

export async function StaffDirectedNew({ estates, today }: { estates: Array<{ id: string; code: string; name: string }>; today: string }) {
  const t = await getTranslations("allocation.directed");
  const stock = await getTranslations("stock");
  const unitTypes = (["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"] as const).map((u) => ({ value: u, label: stock(`unitType.${u}`) }));
  const kinds = (["ENTERPRISE", "RESETTLEMENT"] as const).map((k) => ({ value: k, label: t(`kindsLong.${k}`) }));
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/directed" className="text-brand-700 underline-offset-2 hover:underline">← {t("list.title")}</Link>
      </p>
      <PageHeader title={t("create.title")} description={<p>{t("create.intro")}</p>} />
      {estates.length === 0 ? (
        <Alert tone="info">{t("create.noEstates")}</Alert>
      ) : (
        <Card>
          <ClientMessages namespaces={["allocation.directed", "allocation.validation"]}>
            <CreateDirected estates={estates.map((e) => ({ value: e.id, label: `${e.name}（${e.code}）` }))} unitTypes={unitTypes} kinds={kinds} today={today} />
          </ClientMessages>
        </Card>
      )}
    </Container>
  );
}

export async function StaffDirectedPage({ data }: { data: DirectedDetail }) {
  const t = await getTranslations("allocation.directed");
  const stock = await getTranslations("stock");
  const locale = await getLocale();
  const l = await lang();
  const nameOf = new Map(data.nominees.map((n) => [n.id, n.name]));
  const free = data.units.filter((u) => u.status === "RESERVED" && !u.nomineeId);
  const eligible = data.nominees.filter((n) => n.status === "ELIGIBLE");
  const open = data.status === "OPEN";
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/directed" className="text-brand-700 underline-offset-2 hover:underline">← {t("list.title")}</Link>
      </p>
      <PageHeader
        title={data.recipientName}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={open ? "success" : "neutral"}>{t(`status.${data.status}`)}</Badge>
            <span>{t(`kinds.${data.kind}`)} · {data.estate.name}</span>
          </p>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card title={t("detail.facts")}>
            <Facts
              items={[
                { label: t("detail.recipient"), value: data.recipientName },
                { label: t("detail.creditCode"), value: data.recipientCreditCode ?? "—" },
                { label: t("detail.basis"), value: data.basis },
                { label: t("detail.period"), value: t("list.period", { start: formatIsoDate(data.startDate, l), end: formatIsoDate(data.endDate, l) }) },
                { label: t("detail.quota"), value: t("list.units", { assigned: data.assigned, quota: data.quota }) },
                { label: t("detail.rule"), value: data.requireNoHome ? t("detail.ruleNoHome") : t("detail.ruleNone") },
              ]}
            />
            <p className="mt-4 text-sm">
              <Link href={`/directed/${data.id}`} className="text-brand-700 underline">{t("detail.publicPage")}</Link>
            </p>
          </Card>
          <Card title={t("detail.nominees")}>
            {data.nominees.length === 0 ? (
              <p className="text-slate-700">{t("detail.noNominees")}</p>
            ) : (
              <ul className="flex flex-col gap-3" data-testid="nominees">
                {data.nominees.map((n) => (
                  <li key={n.id} className="rounded-md border border-slate-200 p-3 text-sm" data-nominee-status={n.status}>
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {n.name} <span className="font-mono text-slate-700">{n.residentIdMasked}</span>
                      <Badge tone={n.status === "INELIGIBLE" ? "danger" : n.status === "ASSIGNED" ? "success" : "info"}>{t(`nomineeStatus.${n.status}`)}</Badge>
                    </p>
                    {n.problems.length > 0 ? (
                      <ul className="mt-1 list-disc pl-5 text-slate-800">
                        {n.problems.map((p) => (
                          <li key={p}>{t(`problems.${p}`, { article: articleLabel(NOMINEE_PROBLEM_ARTICLES[p], l) })}</li>
                        ))}
                      </ul>
                    ) : (
                      <p className="mt-1 text-slate-700">{t("detail.eligible")}</p>
                    )}
                    {n.status === "ASSIGNED" && n.lease ? (
                      <p className="mt-2">
                        <Link href={`/staff/leases/${n.lease.leaseNo}`} className="font-medium text-brand-700 underline">{t("lease.leaseLink", { leaseNo: n.lease.leaseNo })}</Link>
                      </p>
                    ) : n.status === "ASSIGNED" && data.canLease ? (
                      <p className="mt-2">
                        <ButtonLink href={`/staff/directed/${data.id}/lease/${n.id}`} variant="secondary">{t("lease.draftLink")}</ButtonLink>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("detail.units")}>
            <ul className="flex flex-wrap gap-2 text-sm" data-testid="directed-units">
              {data.units.map((u) => (
                <li key={u.id} className="rounded border border-slate-300 px-2 py-1">
                  {u.building}{u.unitNo} · {stock(`unitType.${u.unitType}`)} · {formatDm2(u.floorAreaDm2, locale)}㎡ · {u.nomineeId ? t("detail.assignedTo", { name: nameOf.get(u.nomineeId) ?? "" }) : stock(`statusShort.${u.status}`)}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        {data.canManage && open ? (
          <div className="flex flex-col gap-6">
            <Card title={t("nominee.title")}>
              <p className="mb-4 text-sm text-slate-700">{t("nominee.intro")}</p>
              <ClientMessages namespaces={["allocation.directed", "allocation.validation"]}>
                <AddNominee allocationId={data.id} enterprise={data.kind === "ENTERPRISE"} />
              </ClientMessages>
            </Card>
            <Card title={t("assign.title")}>
              {eligible.length > 0 && free.length > 0 ? (
                <>
                  <p className="mb-4 text-sm text-slate-700">{t("assign.intro")}</p>
                  <ClientMessages namespaces={["allocation.directed", "allocation.validation"]}>
                    <AssignNominee
                      allocationId={data.id}
                      nominees={eligible.map((n) => ({ value: n.id, label: `${n.name} ${n.residentIdMasked}` }))}
                      units={free.map((u) => ({ value: u.id, label: `${u.building}${u.unitNo}` }))}
                    />
                  </ClientMessages>
                </>
              ) : (
                <p className="text-sm text-slate-700">{t("assign.nobody")}</p>
              )}
            </Card>
            <Card title={t("close.title")}>
              <p className="mb-4 text-sm text-slate-700">{t("close.intro")}</p>
              <ClientMessages namespaces={["allocation.directed"]}>
                <CloseDirected allocationId={data.id} />
              </ClientMessages>
            </Card>
          </div>
        ) : null}
      </div>
    </Container>
  );
}

export async function PublicDirectedList({ data }: { data: { items: DirectedSummary[]; page: number; pageCount: number } }) {
  const t = await getTranslations("allocation.directed");
  return (
    <Container>
      <PageHeader title={t("public.title")} description={<p>{t("public.intro")}</p>} />
      {data.items.length === 0 ? <EmptyState title={t("public.empty")} /> : <SummaryList items={data.items} hrefOf={(id) => `/directed/${id}`} />}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => `/directed?page=${p}`} />
    </Container>
  );
}

export async function PublicDirectedPage({ data }: { data: PublicDirected }) {
  const t = await getTranslations("allocation.directed");
  const l = await lang();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/directed" className="text-brand-700 underline-offset-2 hover:underline">← {t("public.title")}</Link>
      </p>
      <PageHeader
        title={data.recipientName}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone={data.status === "OPEN" ? "success" : "neutral"}>{t(`status.${data.status}`)}</Badge>
            <span>{t(`kindsLong.${data.kind}`)}</span>
          </p>
        }
      />
      <div className="flex flex-col gap-6">
        <Card title={t("detail.facts")}>
          <Facts
            items={[
              { label: t("fields.estate"), value: `${data.estate.name} · ${districtNames(data.districtCode).districtName}` },
              { label: t("detail.basis"), value: data.basis },
              { label: t("detail.period"), value: t("list.period", { start: formatIsoDate(data.startDate, l), end: formatIsoDate(data.endDate, l) }) },
              { label: t("detail.quota"), value: t("list.units", { assigned: data.assigned, quota: data.quota }) },
            ]}
          />
        </Card>
        <Card title={t("public.assigned")}>
          {data.assignedNominees.length === 0 ? (
            <p className="text-slate-700">{t("public.noneAssigned")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="directed-assigned">
                <thead className="border-b border-slate-300 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3">{t("public.name")}</th>
                    <th scope="col" className="py-2 pr-3">{t("public.residentId")}</th>
                    <th scope="col" className="py-2">{t("public.unit")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.assignedNominees.map((n) => (
                    <tr key={`${n.residentIdMasked}-${n.unit}`} className="border-b border-slate-100">
                      <td className="py-2 pr-3">{n.name}</td>
                      <td className="whitespace-nowrap py-2 pr-3 font-mono">{n.residentIdMasked}</td>
                      <td className="py-2">{n.unit}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </Container>
  );
}

/** Drawing up an assigned nominee's lease (Art. 24-27): the household, then the start and term. */
export async function StaffDirectedLeasePage({ nominee, today }: { nominee: NomineeForLease; today: string }) {
  const t = await getTranslations("allocation.directed.lease");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={`/staff/directed/${nominee.allocationId}`} className="text-brand-700 underline-offset-2 hover:underline">← {nominee.recipientName}</Link>
      </p>
      <PageHeader title={t("title")} description={<p>{t("subtitle", { name: nominee.name, id: nominee.residentIdMasked, unit: nominee.unitLabel, size: nominee.householdSize })}</p>} />
      <Card>
        <p className="mb-4 text-slate-800">{t("intro")}</p>
        <ClientMessages namespaces={["allocation.directed.lease", "tenancy.staff", "tenancy.relationship", "tenancy.validation", "tenancy.errors", "applications.validation", "validation"]}>
          <DraftDirectedLease nominee={{ id: nominee.id, name: nominee.name, householdSize: nominee.householdSize, unitLabel: nominee.unitLabel }} today={today} />
        </ClientMessages>
      </Card>
    </Container>
  );
}
