import { z } from "zod";

// Arrears by age (Art. 29, 39): the age buckets and the officers' list query, pure (server and
// browser), apart from the service that reads the database.

/** Age of a lease's oldest overdue bill, in days past its due date. */
export const ARREARS_BUCKETS = ["D1_30", "D31_90", "D91_180", "D181_PLUS"] as const;
export type ArrearsBucket = (typeof ARREARS_BUCKETS)[number];

/** The first day of each bucket (days overdue); a bucket runs to the day before the next one's. */
const BUCKET_FROM: Record<ArrearsBucket, number> = { D1_30: 1, D31_90: 31, D91_180: 91, D181_PLUS: 181 };

/** The bucket of a debt `daysOverdue` days past due (1 or more: a bill due today is not overdue). */
export function arrearsBucketOf(daysOverdue: number): ArrearsBucket {
  if (!Number.isInteger(daysOverdue) || daysOverdue < 1) throw new RangeError("daysOverdue must be a whole number of days, 1 or more");
  let found: ArrearsBucket = "D1_30";
  for (const bucket of ARREARS_BUCKETS) if (daysOverdue >= BUCKET_FROM[bucket]) found = bucket;
  return found;
}

/** Maximum rows of one export (a whole city's arrears fit many times over). */
export const ARREARS_EXPORT_CAP = 50_000;
export const ARREARS_PAGE_SIZE = 20;

const optionalText = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => (v ? v : undefined));

export const arrearsQuerySchema = z.object({
  q: optionalText,
  bucket: z
    .enum(ARREARS_BUCKETS)
    .optional()
    .catch(undefined),
  /** Only leases whose arrears reach six months of rent (Art. 39). */
  six: z
    .union([z.literal("1"), z.literal("true"), z.boolean()])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1" || v === "true" || v === true),
  /** A district chosen by a municipal officer (a district officer keeps to their own). */
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ArrearsQuery = z.infer<typeof arrearsQuerySchema>;

/** A query from a page's search parameters or an address's (the first value of each). */
export function arrearsQueryFrom(raw: Record<string, string | string[] | undefined> | URLSearchParams): ArrearsQuery {
  const get = (key: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(key) ?? undefined : raw[key];
    return Array.isArray(v) ? v[0] : v;
  };
  return arrearsQuerySchema.parse({ q: get("q"), bucket: get("bucket"), six: get("six"), district: get("district"), page: get("page") });
}
