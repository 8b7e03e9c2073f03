import { ApiError, toApiError } from "@/components/api/fetch-json";
import type { AnimaticEvent } from "@/lib/export/animatic-events";

// The animatic renders for tens of seconds; POST …/animatic streams NDJSON progress lines while
// ffmpeg encodes, then the stored file's URL.

/** Splits newline-delimited JSON as it arrives: complete lines become events, the rest waits. */
export function takeNdjsonLines(buffer: string): { events: AnimaticEvent[]; rest: string } {
  const lines = buffer.split("\n");
  const rest = lines.pop() ?? "";
  const events = lines.filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as AnimaticEvent);
  return { events, rest };
}

/** Renders the storyboard's animatic, reporting 0…1 as it encodes; resolves with the file's URL. */
export async function renderAnimatic(
  storyboardId: string,
  options: { captions: boolean; onProgress: (fraction: number) => void; signal?: AbortSignal },
): Promise<string> {
  const res = await fetch(`/api/storyboards/${encodeURIComponent(storyboardId)}/animatic?captions=${options.captions ? 1 : 0}`, {
    method: "POST",
    signal: options.signal,
  });
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => null);
    throw toApiError(res.status, body, res.statusText, res.headers.get("Retry-After"));
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const { events, rest } = takeNdjsonLines(buffer + value);
    buffer = rest;
    for (const event of events) {
      if (event.type === "progress") options.onProgress(event.fraction);
      else if (event.type === "done") return event.url;
      else throw new ApiError({ code: event.error.code, message: event.error.message, status: 500 });
    }
  }
  throw new ApiError({ code: "EXPORT_FAILED", message: "The animatic stopped before it finished.", status: 500 });
}
