"use client";

import { cn } from "@/components/ui/cn";
import { formatClock, formatSeconds, sceneNumber } from "@/lib/export/labels";
import type { SceneDto } from "@/lib/storyboards/dto";
import { sceneFrameState } from "./scene-state";

type Props = {
  scenes: SceneDto[];
  selectedId: string | null;
  starting: ReadonlySet<string>;
  onJump: (sceneId: string) => void;
};

function tickStep(total: number): number {
  if (total <= 20) return 2;
  if (total <= 60) return 5;
  if (total <= 120) return 10;
  return 30;
}

/** Every scene as a slice of the running time, width proportional to its duration. */
export function TimelineStrip({ scenes, selectedId, starting, onJump }: Props) {
  const total = scenes.reduce((sum, s) => sum + s.durationSeconds, 0);
  if (scenes.length === 0 || total <= 0) return null;
  const step = tickStep(total);
  const ticks = Array.from({ length: Math.floor(total / step) + 1 }, (_, i) => i * step).filter((t) => t <= total - step * 0.75);
  let at = 0;

  return (
    <nav aria-label="Timeline" className="select-none">
      <ol className="flex h-12 gap-px overflow-hidden rounded-md bg-ink-800">
        {scenes.map((scene, i) => {
          const start = at;
          at += scene.durationSeconds;
          const state = starting.has(scene.id) ? "drawing" : sceneFrameState(scene);
          const thumb = scene.selectedFrame?.image?.thumbnailUrl;
          return (
            <li key={scene.id} className="relative min-w-6" style={{ flexGrow: scene.durationSeconds, flexBasis: 0 }}>
              <button
                type="button"
                onClick={() => onJump(scene.id)}
                aria-label={`Scene ${i + 1}, ${formatSeconds(scene.durationSeconds)}, starts at ${formatClock(start)}`}
                aria-current={scene.id === selectedId ? "true" : undefined}
                title={`${sceneNumber(i + 1, scenes.length)} · ${formatSeconds(scene.durationSeconds)} · ${scene.description}`}
                className={cn(
                  "group absolute inset-0 overflow-hidden bg-ink-850 text-left focus-visible:z-10 focus-visible:outline-offset-0",
                  state === "drawing" && "frame-shimmer",
                )}
              >
                {thumb && (
                  // eslint-disable-next-line @next/next/no-img-element -- thumbnails are pre-sized
                  <img src={thumb} alt="" className="h-full w-full object-cover opacity-75 transition-opacity group-hover:opacity-100" />
                )}
                <span className="absolute left-1 top-1 rounded-sm bg-black/60 px-1 font-mono text-[10px] leading-4 text-ink-100">
                  {i + 1}
                </span>
                <span
                  aria-hidden="true"
                  className={cn(
                    "absolute inset-x-0 bottom-0 h-0.5",
                    scene.id === selectedId
                      ? "h-1 bg-accent-500"
                      : state === "failed" || state === "retrying"
                        ? "bg-danger-500"
                        : state === "ready"
                          ? "bg-transparent"
                          : "bg-ink-600",
                  )}
                />
              </button>
            </li>
          );
        })}
      </ol>
      <div className="relative mt-1 h-4 font-mono text-[10px] tabular-nums text-ink-500" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="absolute -translate-x-px border-l border-ink-700 pl-1" style={{ left: `${(t / total) * 100}%` }}>
            {formatClock(t)}
          </span>
        ))}
        <span className="absolute right-0 pr-0.5 text-ink-400">{formatClock(total)}</span>
      </div>
    </nav>
  );
}
