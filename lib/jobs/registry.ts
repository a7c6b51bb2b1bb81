import "server-only";
import { finalizeExpiredRefusals } from "@/lib/appeals/finalize-refusals";
import { deliverNotifications } from "@/lib/notifications/deliver";
import { closeEndedPublicity } from "@/lib/publicity/close-publicity";
import { sweepSelections } from "@/lib/allocation/selection";
import { enrolWaitingLists, expireWaitingListOffers } from "@/lib/allocation/waiting-list";
import { runDueRechecks } from "@/lib/rechecks/recheck-service";
import { runDueTenancyChecks } from "@/lib/rechecks/tenancy-check";
import { resumeImports } from "@/lib/shared-data/import-service";
import { closeUnconfirmedRepairs } from "@/lib/repairs/repairs";
import { runBilling } from "@/lib/tenancy/billing";
import { applyCredits } from "@/lib/tenancy/credit";
import { remindRenewals } from "@/lib/tenancy/renewals";
import { lapseUnsignedLeases } from "@/lib/tenancy/lease-lapse";
import { applyRentStandards } from "@/lib/tenancy/rent-standards";
import { purgeSpentRecords } from "@/lib/auth/purge";

// Scheduled work. Each job is idempotent and safe to run at any time: it looks for what is due
// (publicity that has ended, notices to send…) and does it. The job queue (lib/jobs/queue.ts, pg-boss on
// the portal's PostgreSQL) runs each every minute, once for all servers; administrators can also run
// them from the admin page.

export interface Job {
  name: string;
  /** Returns a short summary for the log, e.g. "3 qualified". */
  run(now: Date): Promise<string>;
}

export const jobs: Job[] = [
  // Art. 19: publicity over (today CST after its end date) → qualify entries without open or upheld objections.
  {
    name: "close-publicity",
    async run(now) {
      const r = await closeEndedPublicity(now);
      return `${r.qualified} qualified, ${r.waiting} waiting on objections, ${r.closedBatches} batches closed`;
    },
  },
  // Art. 19: a refusal not appealed within 10 working days of the notice becomes final.
  {
    name: "finalize-refusals",
    async run(now) {
      return `${(await finalizeExpiredRefusals(now)).finalized} refusals final`;
    },
  },
  // Art. 17-18: finish shared-data imports left half-way (resumable per batch); purge stale uploads.
  {
    name: "shared-data-imports",
    async run(now) {
      return resumeImports(now);
    },
  },
  // Art. 20: the yearly re-check of qualified households, once per district per year.
  {
    name: "annual-recheck",
    async run(now) {
      return runDueRechecks(now);
    },
  },
  // Art. 42: the yearly check of every tenancy in force, once per district per year.
  {
    name: "annual-tenancy-check",
    async run(now) {
      return runDueTenancyChecks(now);
    },
  },
  // Art. 23, 25: selection windows that have closed and offers past their deadline pass the turn on.
  {
    name: "unit-selection",
    async run(now) {
      const r = await sweepSelections(now);
      return `${r.missed} windows closed, ${r.expired} offers expired, ${r.opened} turns opened`;
    },
  },
  // Art. 23: qualified households join the waiting lists of the estates they chose; offers from a
  // list not accepted in time pass to the next household at its head.
  {
    name: "waiting-lists",
    async run(now) {
      const r = await enrolWaitingLists(now);
      const expired = await expireWaitingListOffers(now);
      return `${r.enrolled} enrolled, ${r.retired} retired, ${expired} offers expired`;
    },
  },
  // Art. 25: a lease not signed by its date lapses and the unit goes on, once per lease.
  {
    name: "lease-signing",
    async run(now) {
      return `${(await lapseUnsignedLeases(now)).lapsed} unsigned leases lapsed`;
    },
  },
  // Art. 29: every lease in force gets the bill of the period starting this month, once (a unique
  // key per lease and period decides it, however often and from however many servers this runs).
  {
    name: "monthly-billing",
    async run(now) {
      const r = await runBilling({ now });
      // Credit left on earlier receipts pays the new bills (the settlement order of Art. 29).
      const credit = await applyCredits(now);
      return `${r.issued} bills, ${r.transitionIssued} transition bills for ${r.month}; credit applied on ${credit.leases} leases`;
    },
  },
  // Art. 27: leases drawn up on a standard after its review was approved take the reviewed rent from
  // its date too, and a lease's next rent becomes its rent once a bill on it is issued.
  {
    name: "rent-standards",
    async run(now) {
      const r = await applyRentStandards({ now });
      return `${r.rerated} leases re-rated, ${r.promoted} next rents in force`;
    },
  },
  // Art. 32: tenants reminded a month before the last day to request renewal, once per lease.
  {
    name: "renewal-reminders",
    async run(now) {
      return `${await remindRenewals(now)} tenants reminded`;
    },
  },
  // Art. 35: a completed repair the tenant has not answered within the time to object closes.
  {
    name: "close-repairs",
    async run(now) {
      return `${(await closeUnconfirmedRepairs(now)).closed} repairs closed`;
    },
  },
  {
    name: "deliver-notifications",
    async run(now) {
      const r = await deliverNotifications({ now });
      return `${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed`;
    },
  },
  // Spent one-time codes, idle attempt counters and old development texts are deleted.
  {
    name: "purge-spent-records",
    async run(now) {
      const r = await purgeSpentRecords(now);
      return `${r.phoneCodes} codes, ${r.throttles} attempt counters, ${r.devSms} development texts deleted`;
    },
  },
];
