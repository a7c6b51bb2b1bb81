import "server-only";
import { deliverPendingNotifications } from "@/lib/notifications/deliver";

// Scheduled work. Each job is idempotent and safe to run at any time: it looks for what is due
// (publicity that has ended, notices to send…) and does it. The scheduler (lib/jobs/scheduler.ts)
// runs them every minute inside the server; officers can also run them from the admin page.

export interface Job {
  name: string;
  /** Returns a short summary for the log, e.g. "3 qualified". */
  run(now: Date): Promise<string>;
}

export const jobs: Job[] = [
  {
    name: "deliver-notifications",
    async run(now) {
      return `${await deliverPendingNotifications({ now })} sent`;
    },
  },
];
