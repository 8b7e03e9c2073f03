import { ApiError, fetchJson } from "@/components/api/fetch-json";

// An export that renders for tens of seconds is a job on the server: POST answers 202 with its
// poll URL, GET reports progress, DELETE cancels (the server stops ffmpeg). This follows one job
// for the export menu, whose flow is a single awaited promise (render, then download).

export type ExportJob = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "canceled";
  progress: number;
  result: { url: string; bytes: number; durationSeconds: number } | null;
  error: { code: string; message: string } | null;
  pollUrl: string;
};

/** Delay before the next poll of a job (pure): quick at first, then every second while it renders. */
export function exportJobPollDelay(job: Pick<ExportJob, "status">, polls: number): number | null {
  if (job.status === "succeeded" || job.status === "failed" || job.status === "canceled") return null;
  return polls < 3 ? 400 : 1000;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/**
 * Starts the job and follows it to the end: progress 0…1 as it renders, the stored file's URL
 * when it is done, the server's error otherwise. Aborting `signal` cancels the job on the server.
 */
export async function runExportJob(
  startUrl: string,
  options: { onProgress: (fraction: number) => void; signal?: AbortSignal },
): Promise<string> {
  const started = await fetchJson<{ job: ExportJob }>(startUrl, { method: "POST", signal: options.signal });
  let job = started.job;
  const cancel = () => void fetchJson(job.pollUrl, { method: "DELETE" }).catch(() => {});
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    for (let polls = 0; ; polls++) {
      options.onProgress(job.progress);
      const delay = exportJobPollDelay(job, polls);
      if (delay === null) break;
      await sleep(delay, options.signal);
      job = (await fetchJson<{ job: ExportJob }>(job.pollUrl, { signal: options.signal })).job;
    }
  } finally {
    options.signal?.removeEventListener("abort", cancel);
  }
  if (job.status === "succeeded" && job.result) return job.result.url;
  throw new ApiError({ code: job.error?.code ?? "EXPORT_FAILED", message: job.error?.message ?? "The export did not finish.", status: 500 });
}
