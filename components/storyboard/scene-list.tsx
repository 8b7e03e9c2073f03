import type { ComponentType } from "react";
import { cn } from "@/components/ui/cn";
import { PlusIcon } from "@/components/ui/icons";
import type { AspectRatio } from "@/lib/planner/constants";
import type { SceneDto } from "@/lib/storyboards/dto";
import { cardMinWidth, cssAspect } from "./aspect";
import type { SceneCard, SceneCardActions } from "./scene-card";

export type SceneListProps = SceneCardActions & {
  scenes: SceneDto[];
  aspectRatio: AspectRatio;
  selectedId: string | null;
  starting: ReadonlySet<string>;
  inserting: boolean;
};

/** The grid of scene cards and the "Add scene" tile; `Card` is the plain card or its sortable wrapper. */
export function SceneList({
  scenes,
  aspectRatio,
  selectedId,
  starting,
  inserting,
  dragging,
  Card,
  onDragIntent,
  ...actions
}: SceneListProps & { dragging: boolean; Card: ComponentType<Parameters<typeof SceneCard>[0]>; onDragIntent?: (startKey?: string) => void }) {
  const min = cardMinWidth(aspectRatio);
  return (
    <ol
      aria-label="Scenes"
      className="grid gap-x-6 gap-y-10 sm:gap-y-6"
      style={{ gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${min}px), 1fr))` }}
    >
      {scenes.map((scene, i) => (
        <Card
          key={scene.id}
          scene={scene}
          index={i}
          count={scenes.length}
          aspectRatio={aspectRatio}
          selected={scene.id === selectedId}
          starting={starting.has(scene.id)}
          dragging={dragging}
          insertDisabled={inserting}
          onDragIntent={onDragIntent}
          {...actions}
        />
      ))}
      <li>
        <button
          type="button"
          onClick={() => actions.onInsert(scenes.at(-1)?.id ?? null)}
          disabled={inserting}
          className={cn(
            "flex w-full flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-ink-700 text-sm text-ink-400 transition hover:border-ink-500 hover:bg-ink-900 hover:text-ink-100 disabled:cursor-progress",
          )}
          style={{ aspectRatio: cssAspect(aspectRatio) }}
        >
          <PlusIcon size={18} />
          {inserting ? "Adding…" : "Add scene"}
        </button>
      </li>
    </ol>
  );
}
