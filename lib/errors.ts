/** Machine codes the API answers with, and the HTTP status each maps to. */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A write based on an old revision (`baseRevision` / If-Match): the answer carries the current value. */
  REVISION_CONFLICT: 409,
  /** The storyboard is approved: edits wait until it is reopened. */
  STORYBOARD_LOCKED: 409,
  /** Approving with scenes that have no finished frame, without `force: true`: the answer carries the counts. */
  APPROVAL_INCOMPLETE: 409,
  PLAN_INVALID: 502,
  PLAN_REFUSED: 422,
  RATE_LIMIT: 503,
  AUTHENTICATION_FAILED: 500,
  PREDICTION_FAILED: 500,
  POLLING_FAILED: 500,
  NETWORK_ERROR: 503,
  TIMEOUT: 503,
  DOWNLOAD_FAILED: 500,
  DOWNLOAD_BLOCKED: 502,
  OUTPUT_TOO_LARGE: 502,
  INVALID_OUTPUT: 502,
  OUTPUT_EXPIRED: 410,
  CONTENT_POLICY: 422,
  PROVIDER_ERROR: 502,
  STORAGE_ERROR: 500,
  EXPORT_FAILED: 500,
  FFMPEG_MISSING: 501,
  DIAGNOSTICS_DISABLED: 404,
  INTERNAL_ERROR: 500,
  /** A script, code file or image we cannot read: binary, empty, no scenes, no text found. */
  UNREADABLE_INPUT: 422,
  /** Readable but more than one storyboard holds (e.g. a script with more than 12 scenes). */
  INPUT_TOO_LONG: 422,
  /** A code file in a language the embedded reader does not know. */
  UNSUPPORTED_INPUT: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorIssue = { path: string; message: string; code?: string };

/** The one error type handlers throw; toErrorResponse() turns it into the JSON envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Structured facts the client acts on (a conflict's current value, an approval's missing count); never internals. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; retryAfterSeconds?: number; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Strips anything that looks like a credential from upstream text before it reaches a message or a log. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(?:sk|rk|pk)-[\w*.-]{4,}/g, "[redacted]")
    .replace(/\br8_[\w*]{4,}/g, "[redacted]")
    .replace(/\bBearer\s+\S+/gi, "Bearer [redacted]")
    .replace(/(api[_ -]?key[\s:=]+)\S+/gi, "$1[redacted]");
}

/** An error (and its causes) as one redacted string for the server log: upstream messages may echo a key. */
export function loggableError(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return redactSecrets(parts.join("\nCaused by: "));
}
