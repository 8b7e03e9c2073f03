"use client";

import type { SceneDto } from "@/lib/storyboards/dto";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AlertIcon, RefreshIcon, SparkIcon } from "@/components/ui/icons";
import { frameProgressValue, frameStatusLabel } from "./format-progress";
import { sceneFrameState } from "./scene-state";

type Props = {
  scene: SceneDto;
  /** A generate request for this scene is on its way. */
  starting: boolean;
  onGenerate: () => void;
  onCancel: (frameId: string) => void;
  /** Smaller type in tight places (the timeline, thumbnails). */
  compact?: boolean;
  priority?: boolean;
};

function LiveBar({ value, tone = "accent" }: { value: number; tone?: "accent" | "danger" }) {
  return (
    <div className="h-1 w-full overflow-hidden rounded-full bg-white/10">
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-700 ease-out",
          tone === "accent" ? "bg-accent-500" : "bg-danger-500",
        )}
        style={{ width: `${Math.round(value * 100)}%` }}
      />
    </div>
  );
}

/**
 * A scene's picture, or what its frame is doing instead: queued, drawing (with a bar), failed (with
 * the reason and Retry). An older picture stays visible while a new variation draws.
 */
export function FrameView({ scene, starting, onGenerate, onCancel, compact, priority }: Props) {
  const state = starting ? "drawing" : sceneFrameState(scene);
  const image = scene.selectedFrame?.image ?? null;
  const latest = scene.latestFrame;
  const live = !starting && latest && state === "drawing" ? latest : null;
  const label = starting ? "Starting" : live ? frameStatusLabel(live) : "";
  const value = starting ? 0.03 : live ? frameProgressValue(live) : 0;

  return (
    // No live regions here: a dozen cards announcing every percent would drown the screen reader;
    // the header's progress line is the one place that speaks.
    <div className="absolute inset-0 overflow-hidden" data-frame-state={state}>
      {image ? (
        // eslint-disable-next-line @next/next/no-img-element -- stored frames are pre-sized webp; next/image adds nothing here
        <img
          key={scene.selectedFrame?.id}
          src={image.url}
          alt={scene.description}
          width={image.width}
          height={image.height}
          loading={priority ? "eager" : "lazy"}
          decoding="async"
          className="h-full w-full animate-fade-in object-cover"
        />
      ) : state === "drawing" ? (
        <div className="frame-shimmer h-full w-full">
          <div className="frame-marks h-full w-full" />
        </div>
      ) : (
        <div className="frame-marks h-full w-full bg-ink-850" />
      )}

      {/* Live state over an empty frame: centred. Over an existing picture: a strip at the bottom. */}
      {state === "drawing" &&
        (image ? (
          <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/85 via-black/60 to-transparent px-3 pb-2.5 pt-6">
            <div className="flex items-center justify-between gap-2 text-[11px] font-medium text-ink-100">
              <span>New variation · {label}</span>
              {live && !compact && (
                <button type="button" onClick={() => onCancel(live.id)} className="rounded px-1 text-ink-300 hover:text-white">
                  Cancel
                </button>
              )}
            </div>
            <div className="mt-1.5">
              <LiveBar value={value} />
            </div>
          </div>
        ) : (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2.5 px-6">
            <span className={cn("font-medium text-ink-200", compact ? "text-[11px]" : "text-xs")}>
              {label}
            </span>
            <div className="w-2/5 min-w-20 max-w-40">
              <LiveBar value={value} />
            </div>
            {live && !compact && (
              <button
                type="button"
                onClick={() => onCancel(live.id)}
                className="rounded px-1.5 py-0.5 text-[11px] text-ink-400 hover:text-ink-100"
              >
                Cancel
              </button>
            )}
          </div>
        ))}

      {(state === "failed" || state === "retrying") &&
        latest &&
        (image ? (
          <div className="absolute inset-x-0 bottom-0 flex items-center gap-2 bg-gradient-to-t from-black/90 via-black/75 to-transparent px-3 pb-2 pt-6">
            <AlertIcon size={14} className="shrink-0 text-danger-400" />
            <p className="min-w-0 flex-1 truncate text-[11px] text-ink-100" title={latest.errorMessage ?? undefined}>
              {state === "retrying" ? "Retrying automatically…" : `New variation failed: ${latest.errorMessage ?? "unknown error"}`}
            </p>
            {state === "failed" && !compact && (
              <Button size="sm" variant="secondary" onClick={onGenerate} className="h-6 px-2">
                <RefreshIcon size={12} /> Retry
              </Button>
            )}
          </div>
        ) : (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-danger-950/40 px-5 text-center">
            <AlertIcon size={compact ? 14 : 18} className="text-danger-400" />
            {!compact && (
              <>
                <p className="text-xs font-medium text-ink-100">
                  {state === "retrying" ? "Retrying automatically…" : "This frame could not be drawn"}
                </p>
                <p className="line-clamp-3 max-w-xs text-[11px] leading-snug text-ink-300">
                  {latest.errorMessage ?? "The image provider gave no reason."}
                </p>
                {state === "failed" && (
                  <Button size="sm" variant="secondary" onClick={onGenerate} className="mt-1">
                    <RefreshIcon size={12} /> Retry
                  </Button>
                )}
              </>
            )}
          </div>
        ))}

      {(state === "empty" || state === "canceled") && !compact && (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2">
          <span className="text-xs text-ink-400">{state === "canceled" ? "Canceled" : "Not drawn yet"}</span>
          <Button size="sm" variant="secondary" onClick={onGenerate}>
            <SparkIcon size={12} /> Draw frame
          </Button>
        </div>
      )}
    </div>
  );
}
