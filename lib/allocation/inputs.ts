import type { z } from "zod";
import { issuesToFieldKeys } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors";

// What the allocation services share at their boundary: parsing an input with its schema, and
// telling whether a value from an address can be a record's id at all.

/** The schema's output, or the VALIDATION error with every field's message keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fieldErrors: issuesToFieldKeys(parsed.error) });
  return parsed.data;
}

const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be a plan's, draw's or allocation's id (a cuid): anything else is not found, without a query. */
export function isRecordId(value: string): boolean {
  return RECORD_ID.test(value);
}
