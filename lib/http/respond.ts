import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { AppError, ERROR_STATUS, loggableError, type ErrorIssue } from "@/lib/errors";

export type ErrorEnvelope = {
  success: false;
  error: { code: string; message: string; issues?: ErrorIssue[]; details?: Record<string, unknown> };
};

export function zodIssues(e: ZodError): ErrorIssue[] {
  return e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }));
}

function describeZod(e: ZodError): string {
  const first = e.issues[0];
  if (!first) return "The request is invalid.";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  const more = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : "";
  return `Invalid request — ${where}${first.message}${more}.`;
}

/** The one mapper: our errors keep their code, zod becomes INVALID_REQUEST, anything else a logged 500. */
export function toErrorResponse(e: unknown): Response {
  if (e instanceof ZodError) {
    return errorJson(new AppError("INVALID_REQUEST", describeZod(e), { issues: zodIssues(e) }));
  }
  if (e instanceof AppError) {
    if (e.status >= 500 && e.cause) console.error(`[${e.code}] ${e.message}`, loggableError(e.cause));
    return errorJson(e);
  }
  console.error("Unhandled error in route handler", loggableError(e));
  return errorJson(new AppError("INTERNAL_ERROR", "Something went wrong on our side. Please try again."));
}

function errorJson(e: AppError): Response {
  const body: ErrorEnvelope = {
    success: false,
    error: {
      code: e.code,
      message: e.message,
      ...(e.issues ? { issues: e.issues } : {}),
      ...(e.details ? { details: e.details } : {}),
    },
  };
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (e.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(e.retryAfterSeconds)));
  else if (e.code === "RATE_LIMIT") headers["Retry-After"] = "10";
  return Response.json(body, { status: ERROR_STATUS[e.code], headers });
}

export function json<T>(data: T, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return Response.json(data, { ...init, headers });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every thrown error leaves as the JSON envelope. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (e) {
      // Next signals prerender bail-outs (and redirects) by throwing: those are not our errors.
      unstable_rethrow(e);
      return toErrorResponse(e);
    }
  };
}
