import "server-only";
import { randomBytes } from "node:crypto";
import { issuesOf, isAlreadyHoused } from "@/lib/applications/errors";
import { issuePath } from "@/lib/applications/schemas";
import { submitApplication } from "@/lib/applications/submit-application";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { deadlineSelect, toDeadlineSource } from "@/lib/applications/deadline-source";
import { stageDeadlines } from "@/lib/applications/deadlines";
import { now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { apiLocale, apiMessage, type ApiLocale } from "./messages";
import { INTAKE_KEYS, intakeApplicationSchema } from "./schemas";
import { intakeSecretState, verifyIntakeSignature } from "./signature";

// The intake API for the 渝快办 platform (Art. 15; shared/docs/intake-api.md). Everything a client
// can send ends in a 2xx or 4xx with a JSON body; only a fault of ours is a 5xx.

/** Largest request body accepted; anything bigger gets 413 before it is parsed. */
export const MAX_INTAKE_BODY_BYTES = 1024 * 1024;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function errorResponse(status: number, locale: ApiLocale, key: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { error: apiMessage(locale, key), ...extra });
}

async function checkSignature(request: Request, rawBody: Uint8Array, locale: ApiLocale, now: Date): Promise<Response | null> {
  const state = await intakeSecretState();
  if (state.secret === null) {
    console.error(`[intake] refusing intake requests: ${state.problem === "missing" ? "INTAKE_HMAC_SECRET is not set" : "INTAKE_HMAC_SECRET is the public development secret"}`);
    return errorResponse(503, locale, "applications.intake.notConfigured");
  }
  const check = verifyIntakeSignature({
    secret: state.secret,
    timestamp: request.headers.get("x-intake-timestamp"),
    signature: request.headers.get("x-intake-signature"),
    rawBody,
    now,
  });
  if (!check.ok) {
    return errorResponse(401, locale, check.reason === "stale" ? "applications.intake.staleTimestamp" : "applications.intake.badSignature");
  }
  return null;
}

/**
 * The first response's body for an externalId, verbatim. It is stored as a JSON *string* in
 * Application.intakeResponse: jsonb reorders object keys, a string keeps every byte.
 */
async function storedResponse(externalId: string): Promise<Response | null> {
  const existing = await prisma.application.findUnique({ where: { externalId }, select: { intakeResponse: true } });
  if (!existing) return null;
  const stored = existing.intakeResponse;
  const body = typeof stored === "string" ? stored : JSON.stringify(stored ?? {});
  return new Response(body, { status: 200, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}

/** Class, code and stack frames only: a database error's message can quote what was sent. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at ")).slice(0, 6);
  return [`${error.name}${typeof code === "string" ? ` (${code})` : ""}`, ...frames].join("\n");
}

function unexpected(error: unknown, locale: ApiLocale): Response {
  const ref = randomBytes(4).toString("hex");
  console.error(`[intake] unexpected error ref=${ref}: ${describeError(error)}`);
  return json(500, { error: apiMessage(locale, "errors.genericWithRef", { ref }) });
}

/** POST /api/v1/intake/applications */
export async function receiveIntakeApplication(request: Request, options: { now?: Date } = {}): Promise<Response> {
  const now = options.now ?? clockNow();
  const locale = apiLocale(request.headers.get("accept-language"));
  try {
    const rawBody = await readBodyWithLimit(request, MAX_INTAKE_BODY_BYTES);
    if (rawBody === null) return errorResponse(413, locale, "applications.intake.tooLarge");

    const refused = await checkSignature(request, rawBody, locale, now);
    if (refused) return refused;

    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
    } catch {
      return errorResponse(400, locale, "applications.intake.notJson");
    }

    // Idempotency: the same externalId again gets the first response, whatever the body says now.
    const externalId = body && typeof body === "object" && !Array.isArray(body) ? (body as { externalId?: unknown }).externalId : undefined;
    if (typeof externalId === "string" && externalId.length > 0 && externalId.length <= 100) {
      const replay = await storedResponse(externalId);
      if (replay) return replay;
    }

    const parsed = intakeApplicationSchema.safeParse(body);
    if (!parsed.success) {
      return errorResponse(422, locale, "applications.errors.validation", {
        issues: parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: apiMessage(locale, i.message) })),
      });
    }
    const { submittedAt } = parsed.data;
    if (submittedAt && Date.parse(submittedAt) > now.getTime() + 300_000) {
      return errorResponse(422, locale, "applications.errors.validation", {
        issues: [{ path: "submittedAt", message: apiMessage(locale, INTAKE_KEYS.submittedAtFuture) }],
      });
    }

    try {
      const result = await submitApplication(
        {
          kind: "intake",
          externalId: parsed.data.externalId,
          input: body,
          platformSubmittedAt: submittedAt ?? null,
          responseBody: (r) => JSON.stringify({ applicationNo: r.applicationNo, status: r.status, eligibility: r.eligibility }),
        },
        { now },
      );
      return new Response(result.responseBody as string, {
        status: 201,
        headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      });
    } catch (error) {
      if (isAlreadyHoused(error)) {
        return errorResponse(409, locale, "applications.errors.alreadyHoused", {
          code: "ALREADY_HOUSED",
          issues: issuesOf(error).map((i) => ({ path: i.path, message: apiMessage(locale, i.message) })),
        });
      }
      if (isAppError(error) && error.code === "VALIDATION") {
        return errorResponse(422, locale, "applications.errors.validation", {
          issues: issuesOf(error).map((i) => ({ path: i.path, message: apiMessage(locale, i.message) })),
        });
      }
      // Two deliveries of one externalId racing: the loser returns the winner's response.
      if ((isAppError(error) && error.messageKey === "applications.errors.duplicateExternalId") || isUniqueViolation(error, "externalId")) {
        const replay = await storedResponse(parsed.data.externalId);
        if (replay) return replay;
      }
      if (isAppError(error) && error.status === 503) return errorResponse(503, locale, error.messageKey);
      throw error;
    }
  } catch (error) {
    return unexpected(error, locale);
  }
}

const APPLICATION_NO = /^[A-Za-z0-9-]{1,40}$/;

/** GET /api/v1/intake/applications/{applicationNo}: only applications that came through the intake API. */
export async function intakeApplicationStatus(request: Request, applicationNo: string, options: { now?: Date } = {}): Promise<Response> {
  const now = options.now ?? clockNow();
  const locale = apiLocale(request.headers.get("accept-language"));
  try {
    const refused = await checkSignature(request, new Uint8Array(0), locale, now);
    if (refused) return refused;
    if (!APPLICATION_NO.test(applicationNo)) return errorResponse(404, locale, "applications.intake.notFound");
    const app = await prisma.application.findUnique({
      where: { applicationNo },
      select: {
        applicationNo: true,
        externalId: true,
        source: true,
        ...deadlineSelect,
        statusEvents: { where: { toStatus: { not: "DRAFT" } }, select: { toStatus: true, at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
      },
    });
    if (!app || app.source !== "INTAKE_API" || app.status === "DRAFT") return errorResponse(404, locale, "applications.intake.notFound");
    const deadlines = stageDeadlines(toDeadlineSource(app));
    return json(200, {
      applicationNo: app.applicationNo,
      externalId: app.externalId,
      status: app.status,
      statusHistory: app.statusEvents.map((e) => ({ status: e.toStatus, at: e.at.toISOString() })),
      deadlines,
    });
  } catch (error) {
    return unexpected(error, locale);
  }
}
