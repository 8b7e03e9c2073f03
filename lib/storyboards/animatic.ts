import "server-only";
import { readFile } from "node:fs/promises";
import { env } from "@/lib/config/env";
import { renderAnimatic, type AnimaticResult } from "@/lib/export/animatic";
import { resolveFfmpeg } from "@/lib/export/ffmpeg";
import { assertValidKey } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";
import type { LoadedStoryboard } from "./load-storyboard";
import { readFrom, toExportStoryboard } from "./to-export";

/** An MP4 never grows past this; ffmpeg is stopped when it would. */
const MAX_ANIMATIC_BYTES = 512 * 1024 * 1024;

/** Renders the animatic into a private temp file; the caller streams it and cleans up. */
export function renderStoryboardAnimatic(
  loaded: LoadedStoryboard,
  storage: Storage,
  options: { captions: boolean; signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<AnimaticResult> {
  const config = env();
  return renderAnimatic(toExportStoryboard(loaded), readFrom(storage), {
    ffmpegPath: resolveFfmpeg(config).ffmpeg,
    captions: options.captions,
    timeoutMs: config.EXPORT_TIMEOUT_MS,
    maxBytes: MAX_ANIMATIC_BYTES,
    onProgress: options.onProgress,
    signal: options.signal,
  });
}

/** What the renderer reports to its export job while ffmpeg encodes. */
export type AnimaticEvent =
  | { type: "progress"; fraction: number }
  | { type: "done"; url: string; key: string; bytes: number; durationSeconds: number; width: number; height: number }
  | { type: "error"; error: { code: string; message: string } };

/**
 * Renders the animatic and stores it with the storyboard's files, reporting progress as it
 * encodes. Stateless: progress travels on the response itself, so any instance can serve it.
 */
export async function renderAndStoreAnimatic(
  loaded: LoadedStoryboard,
  storage: Storage,
  options: { captions: boolean; signal?: AbortSignal; onEvent: (event: AnimaticEvent) => void },
): Promise<void> {
  let last = -1;
  const result = await renderStoryboardAnimatic(loaded, storage, {
    captions: options.captions,
    signal: options.signal,
    onProgress: (fraction) => {
      // A line every whole percent is plenty for a progress bar.
      const pct = Math.floor(fraction * 100);
      if (pct === last) return;
      last = pct;
      options.onEvent({ type: "progress", fraction: Math.min(1, pct / 100) });
    },
  });
  try {
    const body = await readFile(result.path);
    const key = assertValidKey(`storyboards/${loaded.storyboard.id}/exports/animatic-${Date.now()}${options.captions ? "-captions" : ""}.mp4`);
    await storage.put(key, body, { contentType: "video/mp4" });
    options.onEvent({
      type: "done",
      url: await storage.url(key),
      key,
      bytes: result.bytes,
      durationSeconds: result.durationSeconds,
      width: result.width,
      height: result.height,
    });
  } finally {
    await result.cleanup();
  }
}
