"use client";

import type { CSSProperties, HTMLAttributes, MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { GripIcon, LayersIcon, PencilIcon, PlusIcon, RefreshIcon, TrashIcon } from "@/components/ui/icons";
import { cameraLabel, formatSeconds, sceneNumber, shotLabel } from "@/lib/export/labels";
import type { AspectRatio } from "@/lib/planner/constants";
import type { SceneDto } from "@/lib/storyboards/dto";
import { cssAspect } from "./aspect";
import { FrameView } from "./frame-view";
import { sceneFrameState } from "./scene-state";

export type SceneCardActions = {
  onOpen: (sceneId: string) => void;
  onGenerate: (sceneId: string) => void;
  onCancel: (frameId: string) => void;
  onDelete: (sceneId: string) => void;
  onInsert: (afterSceneId: string | null) => void;
};

type Props = SceneCardActions & {
  scene: SceneDto;
  index: number;
  count: number;
  aspectRatio: AspectRatio;
  selected: boolean;
  starting: boolean;
  /** Some drag is in progress: hide the insert buttons. */
  dragging: boolean;
  insertDisabled: boolean;
  /** Drag-and-drop wiring (sortable-scene-list.tsx); absent until drag-and-drop has loaded. */
  sortable?: SortableBits;
  /**
   * The first sign someone may drag (pointer over the card, focus on its handle): load drag-and-drop.
   * `startKey` is the key (Space, Enter) that asked for a keyboard drag before it had loaded.
   */
  onDragIntent?: (startKey?: string) => void;
};

/** What @dnd-kit's useSortable hands a card, in plain React terms. */
export type SortableBits = {
  setNodeRef: (el: HTMLElement | null) => void;
  setActivatorNodeRef: (el: HTMLElement | null) => void;
  handleProps: HTMLAttributes<HTMLElement>;
  style: CSSProperties;
  isDragging: boolean;
};

export function Badge({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center whitespace-nowrap rounded bg-ink-800 px-1.5 text-[11px] font-medium text-ink-300",
        className,
      )}
    >
      {children}
    </span>
  );
}

function InsertButton({
  label,
  onClick,
  disabled,
  side,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  side: "before" | "after";
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
      className={cn(
        "absolute z-10 flex h-6 w-6 items-center justify-center rounded-full bg-ink-700 text-ink-100 shadow-lg shadow-black/40 ring-1 ring-ink-600 transition hover:scale-110 hover:bg-accent-500 hover:text-ink-950 focus-visible:opacity-100 disabled:opacity-0",
        "opacity-0 group-hover/card:opacity-100 [@media(hover:none)]:opacity-100",
        // One column (phones): in the gap below/above the card. Grid: in the gap to the side.
        side === "after"
          ? "-bottom-[28px] left-1/2 -translate-x-1/2 sm:bottom-auto sm:left-auto sm:-right-[24px] sm:top-[38%] sm:translate-x-0"
          : "-top-[28px] left-1/2 -translate-x-1/2 sm:top-[38%] sm:-left-[24px] sm:translate-x-0",
      )}
    >
      <PlusIcon size={14} />
    </button>
  );
}

export function SceneCard({
  scene,
  index,
  count,
  aspectRatio,
  selected,
  starting,
  dragging,
  insertDisabled,
  onOpen,
  onGenerate,
  onCancel,
  onDelete,
  onInsert,
  sortable,
  onDragIntent,
}: Props) {
  const isDragging = sortable?.isDragging ?? false;
  const n = index + 1;
  const number = sceneNumber(n, count);
  const state = starting ? "drawing" : sceneFrameState(scene);
  const variations = scene.variations.length;

  function openFromFrame(e: MouseEvent) {
    if ((e.target as HTMLElement).closest("button, a")) return;
    onOpen(scene.id);
  }

  return (
    <li
      ref={sortable?.setNodeRef}
      id={`scene-${scene.id}`}
      data-scene-id={scene.id}
      style={sortable?.style}
      onPointerEnter={() => onDragIntent?.()}
      className={cn("group/card relative scroll-m-24", isDragging && "z-20")}
    >
      <article
        aria-labelledby={`scene-${scene.id}-title`}
        tabIndex={-1}
        className={cn(
          "flex h-full flex-col overflow-hidden rounded-lg bg-ink-900 ring-1 ring-ink-800 transition-shadow focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-400",
          selected && "ring-2 ring-accent-500/80",
          isDragging && "shadow-2xl shadow-black/60 ring-ink-600",
          state === "failed" && !selected && "ring-danger-500/40",
        )}
      >
        <div
          className="relative cursor-pointer bg-black"
          style={{ aspectRatio: cssAspect(aspectRatio) }}
          onClick={openFromFrame}
        >
          <FrameView
            scene={scene}
            starting={starting}
            onGenerate={() => onGenerate(scene.id)}
            onCancel={onCancel}
            priority={index < 6}
          />
          <span className="pointer-events-none absolute left-2 top-2 rounded bg-black/65 px-1.5 py-0.5 font-mono text-[11px] font-medium tabular-nums text-white backdrop-blur-sm">
            {number}
          </span>
          {variations > 1 && (
            <span
              className="pointer-events-none absolute right-2 top-2 inline-flex items-center gap-1 rounded bg-black/65 px-1.5 py-0.5 text-[11px] tabular-nums text-white backdrop-blur-sm"
              aria-label={`${variations} variations`}
              data-testid="variation-count"
            >
              <LayersIcon size={12} /> {variations}
            </span>
          )}
        </div>

        <div className="flex flex-1 flex-col px-3 pb-2 pt-2.5">
          <div className="flex items-center gap-1.5">
            <h3 id={`scene-${scene.id}-title`} className="sr-only">
              Scene {n}
            </h3>
            <Badge>{shotLabel(scene.shotType)}</Badge>
            {scene.cameraMove !== "static" && <Badge>{cameraLabel(scene.cameraMove)}</Badge>}
            <span className="ml-auto font-mono text-xs tabular-nums text-ink-300">{formatSeconds(scene.durationSeconds)}</span>
          </div>
          <p className="mt-2 line-clamp-3 text-[13px] leading-snug text-ink-200" data-testid="scene-description">
            {scene.description}
          </p>
          {scene.dialogue && (
            <p className="mt-1.5 line-clamp-2 text-xs italic leading-snug text-ink-400">“{scene.dialogue}”</p>
          )}
          <div className="-mx-1.5 mt-auto flex items-center gap-0.5 pt-2.5">
            <button
              type="button"
              ref={sortable?.setActivatorNodeRef}
              onFocus={() => onDragIntent?.()}
              onKeyDown={(e) => {
                if (sortable || (e.code !== "Space" && e.code !== "Enter")) return;
                e.preventDefault();
                onDragIntent?.(e.code);
              }}
              {...sortable?.handleProps}
              data-focus-key={`grip-${scene.id}`}
              aria-label={`Move scene ${n}`}
              title="Drag to reorder (or press Space, then the arrow keys)"
              className="flex h-7 w-7 touch-none cursor-grab items-center justify-center rounded-md text-ink-500 hover:bg-ink-800 hover:text-ink-200 active:cursor-grabbing"
            >
              <GripIcon size={14} />
            </button>
            <span className="flex-1" />
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onGenerate(scene.id)}
              disabled={state === "drawing"}
              aria-label={`Regenerate scene ${n}`}
              title="Draw a new variation"
            >
              <RefreshIcon size={13} />
              <span className="hidden min-[400px]:inline">Regenerate</span>
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onOpen(scene.id)} aria-label={`Edit scene ${n}`} aria-expanded={selected}>
              <PencilIcon size={13} />
              <span className="hidden min-[400px]:inline">Edit</span>
            </Button>
            <Button
              size="icon-sm"
              variant="ghost"
              onClick={() => onDelete(scene.id)}
              aria-label={`Delete scene ${n}`}
              title="Delete scene"
              className="hover:text-danger-400"
            >
              <TrashIcon size={14} />
            </Button>
          </div>
        </div>
      </article>

      {!dragging && (
        <>
          {index === 0 && (
            <InsertButton side="before" label="Add a scene at the start" onClick={() => onInsert(null)} disabled={insertDisabled} />
          )}
          <InsertButton
            side="after"
            label={`Add a scene after scene ${n}`}
            onClick={() => onInsert(scene.id)}
            disabled={insertDisabled}
          />
        </>
      )}
    </li>
  );
}
