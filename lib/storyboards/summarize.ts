import "server-only";
import { env } from "@/lib/config/env";
import { summarizeProgress, type ProgressSummary } from "@/lib/generation/progress";
import { providerFacts } from "@/lib/providers/provider-facts";
import { providerForFigures } from "./choose-provider";
import type { LoadedStoryboard } from "./load-storyboard";

/** The progress summary with the app's concurrency, and the price and frame time of the drawing provider. */
export function summarize(loaded: Pick<LoadedStoryboard, "scenes" | "frames">, now = new Date()): ProgressSummary {
  // The ETA learns from the provider drawing the latest frame; the estimate prices the active one.
  const drawing = providerForFigures(loaded.frames.at(-1));
  const active = providerForFigures(undefined);
  return summarizeProgress({
    scenes: loaded.scenes,
    frames: loaded.frames,
    now,
    concurrency: env().GENERATION_CONCURRENCY,
    unitPrice: active ? providerFacts(active).pricePerImage : 0,
    ...(drawing ? { expectedFrameSeconds: providerFacts(drawing).expectedSeconds } : {}),
  });
}
