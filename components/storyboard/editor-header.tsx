"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { optionsOf, Select } from "@/components/ui/select";
import { ArrowLeftIcon, CheckIcon, PlayIcon, RefreshIcon, SparkIcon } from "@/components/ui/icons";
import { formatClock, slugify, styleLabel } from "@/lib/export/labels";
import { ASPECT_RATIOS, STYLE_PRESETS, type AspectRatio, type StylePreset } from "@/lib/planner/constants";
import type { StoryboardDto, StoryboardProgressDto } from "@/lib/storyboards/dto";
import { ExportMenu } from "./export-menu";
import { formatCost, summarizeProgress, type ProgressTone } from "./format-progress";
import type { GenerateAllAction } from "./scene-state";
import { TitleInput } from "./title-input";

type Props = {
  storyboard: StoryboardDto;
  sceneCount: number;
  totalDuration: number;
  progress: StoryboardProgressDto | undefined;
  pollTrouble: { failedPolls: number; timedOut: boolean; onRetry: () => void };
  generateAll: GenerateAllAction;
  startingAll: boolean;
  presentHref: string;
  onTitle: (title: string) => void;
  onStyle: (style: StylePreset) => void;
  onAspect: (ratio: AspectRatio) => void;
  onApprove: (approved: boolean) => void;
  onGenerateAll: () => void;
  /** The image-provider choice for new drawings (renders nothing with a single provider). */
  providerPicker?: ReactNode;
};

const TONE_BAR: Record<ProgressTone, string> = {
  idle: "bg-ink-500",
  working: "bg-accent-500",
  done: "bg-ok-500",
  warning: "bg-ok-500",
  error: "bg-danger-500",
};

function MetaSelect<T extends string>({
  label,
  value,
  options,
  format,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  format: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <label className="relative inline-flex items-center">
      <span className="sr-only">{label}</span>
      <Select variant="bare" value={value} options={optionsOf(options, format)} onValueChange={onChange} className="h-7 px-2 text-xs" />
    </label>
  );
}

function ProgressLine({
  progress,
  pollTrouble,
}: {
  progress: StoryboardProgressDto | undefined;
  pollTrouble: Props["pollTrouble"];
}) {
  if (!progress) {
    return (
      <p className="text-xs text-ink-500" role="status" data-testid="progress-text">
        {pollTrouble.failedPolls > 0 ? (
          <span className="text-danger-400">
            Can&rsquo;t reach the server, trying again in {Math.min(30, 2 ** pollTrouble.failedPolls)} s…
          </span>
        ) : (
          "Checking frames…"
        )}
      </p>
    );
  }
  const s = summarizeProgress(progress, Date.now());
  const done = Math.min(progress.scenesTotal, progress.scenesCompleted);
  return (
    <div className="flex min-w-0 items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        data-testid="progress-text"
        className={cn(
          "min-w-0 truncate text-xs",
          s.tone === "working" ? "text-ink-100" : s.tone === "warning" || s.tone === "error" ? "text-danger-400" : "text-ink-300",
        )}
      >
        {pollTrouble.timedOut ? (
          <>
            Stopped checking after 10 minutes.{" "}
            <button type="button" onClick={pollTrouble.onRetry} className="font-medium text-accent-400 underline-offset-2 hover:underline">
              Check again
            </button>
          </>
        ) : pollTrouble.failedPolls > 0 ? (
          <>Can&rsquo;t reach the server, trying again in {Math.min(30, 2 ** pollTrouble.failedPolls)} s…</>
        ) : (
          s.text
        )}
      </p>
      <div
        role="progressbar"
        aria-label="Frames drawn"
        aria-valuemin={0}
        aria-valuemax={progress.scenesTotal}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${progress.scenesTotal} frames drawn`}
        className="relative h-1.5 w-24 shrink-0 overflow-hidden rounded-full bg-ink-800 sm:w-40"
      >
        <div
          className={cn("absolute inset-y-0 left-0 rounded-full transition-[width] duration-700 ease-out", TONE_BAR[s.tone])}
          style={{ width: `${(s.fraction - s.failedFraction) * 100}%` }}
        />
        {s.failedFraction > 0 && (
          <div
            className="absolute inset-y-0 bg-danger-500"
            style={{ left: `${(s.fraction - s.failedFraction) * 100}%`, width: `${s.failedFraction * 100}%` }}
          />
        )}
      </div>
      <span className="shrink-0 font-mono text-[11px] tabular-nums text-ink-400">
        {done}/{progress.scenesTotal}
      </span>
    </div>
  );
}

export function EditorHeader({
  storyboard: sb,
  sceneCount,
  totalDuration,
  progress,
  pollTrouble,
  generateAll,
  startingAll,
  presentHref,
  onTitle,
  onStyle,
  onAspect,
  onApprove,
  onGenerateAll,
  providerPicker,
}: Props) {
  const approved = sb.approvedAt !== null;
  const cost = formatCost(sb.cost);
  const canGenerate = generateAll.kind === "generate" || generateAll.kind === "retry";

  return (
    <header className="z-30 shrink-0 border-b border-ink-800 bg-ink-950">
      <div className="flex h-14 items-center gap-2 px-2 sm:px-4">
        <Link href="/" aria-label="All storyboards" title="All storyboards" className={buttonClasses("ghost", "icon")}>
          <ArrowLeftIcon />
        </Link>
        <div className="min-w-0 flex-1 sm:max-w-xl">
          <TitleInput title={sb.title} onSave={onTitle} />
        </div>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
          {providerPicker}
          <Button
            variant={canGenerate ? "primary" : "secondary"}
            onClick={onGenerateAll}
            disabled={!canGenerate || startingAll}
            aria-label={generateAll.label}
            title={generateAll.kind === "none" ? "Every scene has a frame. Use Regenerate on a scene for a new variation." : undefined}
            className="px-2.5 sm:px-3.5"
          >
            {generateAll.kind === "retry" ? <RefreshIcon /> : <SparkIcon />}
            <span className="sr-only md:not-sr-only">{startingAll ? "Starting…" : generateAll.label}</span>
          </Button>
          <Link href={presentHref} className={buttonClasses("secondary", "md", "px-2.5 sm:px-3.5")} aria-label="Present">
            <PlayIcon size={14} />
            <span className="sr-only sm:not-sr-only">Present</span>
          </Link>
          <ExportMenu storyboardId={sb.id} fileStem={slugify(sb.title) || "storyboard"} />
          <Button
            variant="secondary"
            onClick={() => onApprove(!approved)}
            aria-pressed={approved}
            title={approved ? `Approved on ${(sb.approvedAt ?? "").slice(0, 10)}: locked for editing. Click to reopen it.` : "Mark this storyboard approved (locks it for editing)"}
            className={cn(
              "px-2.5 sm:px-3.5",
              approved && "bg-ok-950 text-ok-400 ring-ok-500/40 hover:bg-ok-950 hover:ring-ok-500/70",
            )}
          >
            <CheckIcon />
            <span className="sr-only sm:not-sr-only">{approved ? "Approved" : "Approve"}</span>
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-ink-800/70 px-2 py-1.5 sm:px-4">
        <div className="flex min-w-0 items-center gap-0.5 text-xs text-ink-400">
          <MetaSelect label="Style" value={sb.style} options={STYLE_PRESETS} format={styleLabel} onChange={onStyle} />
          <span aria-hidden="true" className="text-ink-700">·</span>
          <MetaSelect label="Aspect ratio" value={sb.aspectRatio} options={ASPECT_RATIOS} format={(r) => r} onChange={onAspect} />
          <span aria-hidden="true" className="text-ink-700">·</span>
          <span className="whitespace-nowrap px-2 tabular-nums" title={`Target ${formatClock(sb.targetDuration)}`}>
            <span className="sr-only">Total duration </span>
            {formatClock(totalDuration)} · {sceneCount} {sceneCount === 1 ? "scene" : "scenes"}
          </span>
          <span aria-hidden="true" className="text-ink-700">·</span>
          <span className="whitespace-nowrap px-2" title={cost.title} data-testid="cost">
            <span className="sr-only">Cost </span>
            <span className="hidden sm:inline">{cost.text}</span>
            <span className="sm:hidden">{cost.short}</span>
          </span>
        </div>
        <div className="ml-auto min-w-0 max-w-full">
          <ProgressLine progress={progress} pollTrouble={pollTrouble} />
        </div>
      </div>
    </header>
  );
}
