import "server-only";
import { env } from "@/lib/config/env";
import { summarizeProgress, type ProgressSummary } from "@/lib/generation/progress";
import { activeProvider } from "@/lib/providers/get-provider";
import type { LoadedStoryboard } from "./load-storyboard";

/** The progress summary with the app's concurrency and the active provider's price. */
export function summarize(loaded: Pick<LoadedStoryboard, "scenes" | "frames">, now = new Date()): ProgressSummary {
  return summarizeProgress({
    scenes: loaded.scenes,
    frames: loaded.frames,
    now,
    concurrency: env().GENERATION_CONCURRENCY,
    unitPrice: activeProvider().model.pricePerImage,
  });
}
