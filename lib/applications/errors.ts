import { AppError } from "@/lib/errors";
import { V } from "./schemas";

// Errors of the application service, as AppError so that actions, pages and the intake API all
// understand them. Field errors are keyed by the application's field paths ("members.0.residentId").

export interface FieldIssue {
  /** Dotted path in the application's shape, e.g. "preferences.unitType". */
  path: string;
  /** Message key under applications.validation. */
  message: string;
}

export const VALIDATION_MESSAGE_KEY = "applications.errors.validation";
export const ALREADY_HOUSED_MESSAGE_KEY = "applications.errors.alreadyHoused";

function toFieldErrors(issues: readonly FieldIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { path, message } of issues) {
    const list = (out[path || "_form"] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** The application fails validation (HTTP 422 in the intake API). */
export function applicationValidationError(issues: readonly FieldIssue[]): AppError {
  return new AppError("VALIDATION", { messageKey: VALIDATION_MESSAGE_KEY, fieldErrors: toFieldErrors(issues) });
}

/** A member is already on another open application or an occupying lease (Art. 12; HTTP 409 ALREADY_HOUSED). */
export function alreadyHousedError(paths: readonly string[]): AppError {
  return new AppError("CONFLICT", {
    messageKey: ALREADY_HOUSED_MESSAGE_KEY,
    fieldErrors: toFieldErrors(paths.map((path) => ({ path, message: V.alreadyHoused }))),
  });
}

export function isAlreadyHoused(error: unknown): error is AppError {
  return error instanceof AppError && error.messageKey === ALREADY_HOUSED_MESSAGE_KEY;
}

/** The field errors of an AppError as a flat list of issues. */
export function issuesOf(error: AppError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [path, messages] of Object.entries(error.fieldErrors ?? {})) {
    for (const message of messages) out.push({ path: path === "_form" ? "" : path, message });
  }
  return out;
}
