"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { rectSortingStrategy, SortableContext, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useId, useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { PlusIcon } from "@/components/ui/icons";
import type { AspectRatio } from "@/lib/planner/constants";
import type { SceneDto } from "@/lib/storyboards/dto";
import { cardMinWidth, cssAspect } from "./aspect";
import { REORDER_INSTRUCTIONS, reorderAnnouncements } from "./reorder-announcements";
import { SceneCard, type SceneCardActions } from "./scene-card";
import { moveId } from "./storyboard-cache";

type Props = SceneCardActions & {
  scenes: SceneDto[];
  aspectRatio: AspectRatio;
  selectedId: string | null;
  starting: ReadonlySet<string>;
  inserting: boolean;
  onReorder: (sceneIds: string[]) => void;
  onDragStart: () => void;
};

export function SceneGrid({ scenes, aspectRatio, selectedId, starting, inserting, onReorder, onDragStart, ...actions }: Props) {
  const dndId = useId();
  const [dragging, setDragging] = useState(false);
  const ids = useMemo(() => scenes.map((s) => s.id), [scenes]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useMemo(() => reorderAnnouncements(ids), [ids]);

  function onDragEnd(e: DragEndEvent) {
    setDragging(false);
    const over = e.over?.id;
    if (over === undefined || over === e.active.id) return;
    onReorder(moveId(ids, String(e.active.id), String(over)));
  }

  const min = cardMinWidth(aspectRatio);

  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{ announcements, screenReaderInstructions: { draggable: REORDER_INSTRUCTIONS } }}
      onDragStart={() => {
        setDragging(true);
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(false)}
    >
      <SortableContext items={ids} strategy={rectSortingStrategy}>
        <ol
          aria-label="Scenes"
          className="grid gap-x-6 gap-y-10 sm:gap-y-6"
          style={{ gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${min}px), 1fr))` }}
        >
          {scenes.map((scene, i) => (
            <SceneCard
              key={scene.id}
              scene={scene}
              index={i}
              count={scenes.length}
              aspectRatio={aspectRatio}
              selected={scene.id === selectedId}
              starting={starting.has(scene.id)}
              dragging={dragging}
              insertDisabled={inserting}
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
      </SortableContext>
    </DndContext>
  );
}
