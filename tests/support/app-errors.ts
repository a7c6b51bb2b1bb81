// Assertions on the expected failures of services (lib/errors.ts AppError), for vitest tests.
import { expect } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";

/** Awaits a call that must fail with an AppError (of `code`, and `messageKey`, when given) and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code?: AppErrorCode, messageKey?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  if (code !== undefined) expect(appError.code).toBe(code);
  if (messageKey !== undefined) expect(appError.messageKey).toBe(messageKey);
  return appError;
}

/** What the AppError a call throws has as `property`, or "OK" when the call succeeds. Anything else is rethrown. */
async function thrown(fn: () => Promise<unknown>, property: "code" | "messageKey"): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (error) {
    const value = (error as Record<string, unknown>)[property];
    if (typeof value === "string") return value;
    throw error;
  }
}

/** The AppError code of a call, or "OK" when it succeeds: for permission matrices. */
export function outcome(fn: () => Promise<unknown>): Promise<string> {
  return thrown(fn, "code");
}

/** The message key of the AppError a call throws, or "OK" when it succeeds. */
export function errorKey(fn: () => Promise<unknown>): Promise<string> {
  return thrown(fn, "messageKey");
}
