// The one fetcher of the studio UI. Every API call goes through it so the error envelope
// `{success:false, error:{code, message, issues?}}` always becomes an ApiError the UI can show.

export type ApiIssue = { path: string; message: string; code?: string };

export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly issues: ApiIssue[];
  readonly retryAfterSeconds: number | null;

  constructor(init: { code: string; message: string; status: number; issues?: ApiIssue[]; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.name = "ApiError";
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A message fit for a person, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return "Something went wrong. Please try again.";
}

type Envelope = { success?: boolean; error?: { code?: unknown; message?: unknown; issues?: unknown } };

function parseIssues(raw: unknown): ApiIssue[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i): ApiIssue[] => {
    if (!i || typeof i !== "object") return [];
    const { path, message, code } = i as Record<string, unknown>;
    if (typeof message !== "string") return [];
    return [{ path: typeof path === "string" ? path : "", message, ...(typeof code === "string" ? { code } : {}) }];
  });
}

/** Turns a non-OK response (or a `success:false` body) into an ApiError. Exported for tests. */
export function toApiError(status: number, body: unknown, statusText = "", retryAfter: string | null = null): ApiError {
  const env = (body && typeof body === "object" ? body : {}) as Envelope;
  const err = env.error && typeof env.error === "object" ? env.error : undefined;
  const retry = retryAfter !== null && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) : null;
  return new ApiError({
    code: typeof err?.code === "string" ? err.code : status >= 500 ? "INTERNAL_ERROR" : "HTTP_ERROR",
    message:
      typeof err?.message === "string" && err.message
        ? err.message
        : `The server answered ${status}${statusText ? ` ${statusText}` : ""}. Please try again.`,
    status,
    issues: parseIssues(err?.issues),
    retryAfterSeconds: retry,
  });
}

export type FetchJsonInit = Omit<RequestInit, "body"> & { json?: unknown };

/** GET/POST/PATCH/DELETE JSON. Resolves with the parsed success body; rejects with ApiError. */
export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const h = new Headers(headers);
  h.set("Accept", "application/json");
  if (json !== undefined) h.set("Content-Type", "application/json");

  let res: Response;
  try {
    res = await fetch(url, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError({
      code: "NETWORK_ERROR",
      message: "Can't reach the Storyframe server. Check your connection and try again.",
      status: 0,
    });
  }

  let body: unknown = null;
  const text = await res.text().catch(() => "");
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }

  const envelope = body as Envelope | null;
  if (!res.ok || envelope?.success === false) {
    throw toApiError(res.status, body, res.statusText, res.headers.get("Retry-After"));
  }
  if (body === null) {
    throw new ApiError({ code: "INVALID_RESPONSE", message: "The server sent an unreadable answer.", status: res.status });
  }
  return body as T;
}
