import { runExportJob } from "./use-export-job";

// The animatic renders for tens of seconds: POST …/animatic records a job and renders it on the
// server, whoever watches; this follows the job's progress and resolves with the file's URL.

/** Renders the storyboard's animatic, reporting 0…1 as it encodes; resolves with the file's URL. */
export function renderAnimatic(
  storyboardId: string,
  options: { captions: boolean; onProgress: (fraction: number) => void; signal?: AbortSignal },
): Promise<string> {
  return runExportJob(`/api/storyboards/${encodeURIComponent(storyboardId)}/animatic?captions=${options.captions ? 1 : 0}`, {
    onProgress: options.onProgress,
    signal: options.signal,
  });
}
