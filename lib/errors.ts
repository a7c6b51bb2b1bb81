// Expected failures carry a code, an HTTP-ish status and the key of a user message in
// messages/*.json (house style: errors with codes). Anything else is unexpected: it is logged
// without its payload and the user sees a generic message.

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL";

const defaults: Record<AppErrorCode, { status: number; messageKey: string }> = {
  UNAUTHENTICATED: { status: 401, messageKey: "errors.unauthenticated" },
  FORBIDDEN: { status: 403, messageKey: "errors.forbidden" },
  NOT_FOUND: { status: 404, messageKey: "errors.notFound" },
  VALIDATION: { status: 422, messageKey: "errors.invalidInput" },
  CONFLICT: { status: 409, messageKey: "errors.conflict" },
  RATE_LIMITED: { status: 429, messageKey: "errors.rateLimited" },
  INTERNAL: { status: 500, messageKey: "errors.generic" },
};

export type MessageValues = Record<string, string | number>;

export interface AppErrorOptions {
  /** Key of the user-facing message, e.g. "auth.code.invalid". */
  messageKey?: string;
  /** Values interpolated into the message, e.g. { minutes: 12 }. Never personal data. */
  values?: MessageValues;
  status?: number;
  /** Field-level message keys, e.g. { code: ["auth.code.invalid"] }. */
  fieldErrors?: Record<string, string[]>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly status: number;
  readonly values?: MessageValues;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const messageKey = options.messageKey ?? defaults[code].messageKey;
    // The Error message is the key, not user text, so logs never carry personal data by accident.
    super(`${code}: ${messageKey}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.status = options.status ?? defaults[code].status;
    this.values = options.values;
    this.fieldErrors = options.fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
