import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { pageWindow, readPage } from "@/lib/db/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isWithinPublicity } from "@/lib/rules/publicity";
import { fromDateColumn } from "@/lib/clock";
import { normalizeNumberQuery, numberPrefixRange } from "./number-search";

// The entries of one publicity batch, a page at a time (a district's batch can list 10,000
// households, Art. 19), in the order of application numbers, optionally only those whose number
// is or begins with a query. Each entry stores its place in the batch (`position`, in that
// order), and the batch stores how many it has: page N of a batch is the 50 positions after
// 50(N-1) on the (batchId, position) index, whatever N, with no count. A search is a
// range of the (batchId, applicationNo) index: it scans only the numbers that begin with it
// (lib/publicity/number-search.ts).

export const ENTRY_PAGE_SIZE = 50;

export interface EntryQuery {
  /** 1-based; clamped to the pages there are. */
  page?: number;
  /** An application number or its beginning, as typed (normalised here). */
  q?: string | null;
}

export interface EntryPage<T> {
  items: T[];
  /** Entries matching (the whole batch without a query). */
  total: number;
  page: number;
  pageCount: number;
  /** The query as searched (normalised), or "" for none. */
  q: string;
  /** The page asked for was past the last one (the page shown is the last). */
  isPastEnd: boolean;
}

/** The where-clause of one batch's entries matching `q`; null when nothing can match. */
function entryWhere(batchId: string, q: string | null): Prisma.PublicityEntryWhereInput | null {
  if (q === null) return null;
  if (q === "") return { batchId };
  const { from, below } = numberPrefixRange(q);
  return { batchId, applicationNo: { gte: from, ...(below ? { lt: below } : {}), startsWith: q } };
}

/** What a page of a batch needs to know of the batch: its size, as stored at publication. */
interface BatchSize {
  entryCount: number;
}

async function pageOfEntries<S extends Prisma.PublicityEntrySelect>(
  batchId: string,
  batch: BatchSize,
  query: EntryQuery,
  select: S,
): Promise<EntryPage<Prisma.PublicityEntryGetPayload<{ select: S }>>> {
  const q = normalizeNumberQuery(query.q);
  const where = entryWhere(batchId, q);
  if (!where) return { items: [], total: 0, page: 1, pageCount: 1, q: (query.q ?? "").trim(), isPastEnd: false };
  const requested = Math.max(1, Math.floor(query.page ?? 1) || 1);
  if (q === "") {
    // The whole batch: the 50 positions after the pages before, by the (batchId, position)
    // index. (A "position > n ORDER BY position LIMIT 50" is planned as the ordered index scan
    // it is; a closed range "position <= 50" looks common to the planner, as every batch has it.)
    const window = pageWindow(requested, batch.entryCount, ENTRY_PAGE_SIZE);
    const items = await prisma.publicityEntry.findMany({
      where: { batchId, position: { gt: window.skip } },
      select,
      orderBy: { position: "asc" },
      take: window.take,
    });
    return { items, total: batch.entryCount, page: window.page, pageCount: window.pageCount, q, isPastEnd: requested > window.pageCount };
  }
  // A search: a page of the matching stretch of the number index, counted when the page is full.
  const { rows, total, page, pageCount } = await readPage(
    requested,
    ENTRY_PAGE_SIZE,
    () => prisma.publicityEntry.count({ where }),
    // Unique within a batch ((batchId, applicationNo) is a unique index): a total order.
    (window) => prisma.publicityEntry.findMany({ where, select, orderBy: { applicationNo: "asc" }, ...window }),
    { narrow: true },
  );
  return { items: rows, total, page, pageCount, q: q ?? "", isPastEnd: requested > pageCount };
}

export interface PublicEntry {
  id: string;
  applicationNo: string;
  displayName: string;
  maskedResidentId: string;
  householdSize: number;
  estateLevel: "MUNICIPAL" | "DISTRICT";
  unitType: string | null;
  /** Objections are taken for this entry now (in the period and still in publicity). */
  acceptsObjections: boolean;
}

/** What every list of entries shows: the entry as published. */
const entryFields = {
  id: true,
  applicationNo: true,
  displayName: true,
  maskedResidentId: true,
  householdSize: true,
  outcome: true,
} satisfies Prisma.PublicityEntrySelect;

const publicEntrySelect = {
  ...entryFields,
  application: { select: { estateLevel: true, preferredUnitType: true, status: true } },
} satisfies Prisma.PublicityEntrySelect;

function toPublicEntry(e: Prisma.PublicityEntryGetPayload<{ select: typeof publicEntrySelect }>, isOpen: boolean): PublicEntry {
  return {
    id: e.id,
    applicationNo: e.applicationNo,
    displayName: e.displayName,
    maskedResidentId: e.maskedResidentId,
    householdSize: e.householdSize,
    estateLevel: e.application.estateLevel,
    unitType: e.application.preferredUnitType,
    acceptsObjections: isOpen && e.outcome === null && e.application.status === "IN_PUBLICITY",
  };
}

/** Whether a published (or closed) batch is public and takes objections today; null if not public. */
async function publicBatchState(batchId: string, now: Date): Promise<({ isOpen: boolean } & BatchSize) | null> {
  const batch = await prisma.publicityBatch.findUnique({ where: { id: batchId }, select: { status: true, startDate: true, endDate: true, entryCount: true } });
  if (!batch || batch.status === "DRAFT") return null;
  const period = { startDate: fromDateColumn(batch.startDate), endDate: fromDateColumn(batch.endDate) };
  return { isOpen: batch.status === "PUBLISHED" && isWithinPublicity(period, todayCST(now)), entryCount: batch.entryCount };
}

/**
 * One page (50) of a public batch's entries as the public sees them (masked names and ID numbers
 * as published, household size, estate level, unit type; never incomes), in the order of
 * application numbers; with `q`, only those whose number is or begins with it. Null unless the
 * batch is published or closed.
 */
export async function listPublicBatchEntries(
  batchId: string,
  query: EntryQuery = {},
  options: { now?: Date } = {},
): Promise<EntryPage<PublicEntry> | null> {
  const state = await publicBatchState(batchId, options.now ?? clockNow());
  if (!state) return null;
  const page = await pageOfEntries(batchId, state, query, publicEntrySelect);
  return { ...page, items: page.items.map((e) => toPublicEntry(e, state.isOpen)) };
}

/** One entry of a public batch (the objection form's), or null. */
export async function getPublicEntry(batchId: string, entryId: string, options: { now?: Date } = {}): Promise<PublicEntry | null> {
  const state = await publicBatchState(batchId, options.now ?? clockNow());
  if (!state) return null;
  const entry = await prisma.publicityEntry.findFirst({ where: { id: entryId, batchId }, select: publicEntrySelect });
  return entry ? toPublicEntry(entry, state.isOpen) : null;
}

export interface StaffObjection {
  id: string;
  referenceNo: string | null;
  contactName: string;
  contactPhone: string;
  content: string;
  receivedAt: Date;
  status: "RECEIVED" | "INVESTIGATING" | "CLOSED";
  outcome: "UPHELD" | "NOT_UPHELD" | null;
  outcomeNote: string | null;
  investigatorName: string | null;
  decidedAt: Date | null;
}

export interface StaffEntry {
  id: string;
  displayName: string;
  maskedResidentId: string;
  householdSize: number;
  outcome: "QUALIFIED" | "OBJECTION_UPHELD" | null;
  applicationNo: string;
  applicationStatus: string;
  objections: StaffObjection[];
}

const staffEntrySelect = {
  ...entryFields,
  application: { select: { status: true } },
  objections: {
    select: {
      id: true,
      referenceNo: true,
      contactName: true,
      contactPhone: true,
      content: true,
      receivedAt: true,
      status: true,
      outcome: true,
      outcomeNote: true,
      decidedAt: true,
      investigator: { select: { name: true } },
    },
    orderBy: { receivedAt: "asc" },
  },
} satisfies Prisma.PublicityEntrySelect;

/**
 * One page (50) of a batch's entries with their objections, for the officers who manage the
 * batch; with `q`, only those whose application number is or begins with it. Null when there is
 * no such batch; FORBIDDEN outside the officer's reach.
 */
export async function listStaffBatchEntries(actor: Actor, batchId: string, query: EntryQuery = {}): Promise<EntryPage<StaffEntry> | null> {
  const batch = await prisma.publicityBatch.findUnique({ where: { id: batchId }, select: { districtCode: true, entryCount: true } });
  if (!batch) return null;
  assertCan(actor, "publicity:manage", { districtCode: batch.districtCode });
  const page = await pageOfEntries(batchId, batch, query, staffEntrySelect);
  return {
    ...page,
    items: page.items.map((e) => ({
      id: e.id,
      displayName: e.displayName,
      maskedResidentId: e.maskedResidentId,
      householdSize: e.householdSize,
      outcome: e.outcome,
      applicationNo: e.applicationNo,
      applicationStatus: e.application.status,
      objections: e.objections.map((o) => ({
        id: o.id,
        referenceNo: o.referenceNo,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
        content: o.content,
        receivedAt: o.receivedAt,
        status: o.status,
        outcome: o.outcome,
        outcomeNote: o.outcomeNote,
        investigatorName: o.investigator?.name ?? null,
        decidedAt: o.decidedAt,
      })),
    })),
  };
}

/** The page (of ENTRY_PAGE_SIZE) of a batch's list that holds an application number (page 1 if none does). */
export async function entryPageOf(batchId: string, applicationNo: string): Promise<number> {
  const entry = await prisma.publicityEntry.findUnique({ where: { batchId_applicationNo: { batchId, applicationNo } }, select: { position: true } });
  return entry ? Math.ceil(entry.position / ENTRY_PAGE_SIZE) : 1;
}
