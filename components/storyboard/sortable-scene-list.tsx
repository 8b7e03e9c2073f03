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
import { rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useMemo, useState } from "react";
import { REORDER_INSTRUCTIONS, reorderAnnouncements } from "./reorder-announcements";
import { SceneCard } from "./scene-card";
import { SceneList, type SceneListProps } from "./scene-list";
import { moveId } from "./storyboard-cache";

// Drag-and-drop for the scene grid (@dnd-kit), loaded on first use by scene-grid.tsx: pointer and
// keyboard sensors (Space, arrows, Space), announcements for screen readers.

function SortableSceneCard(props: Parameters<typeof SceneCard>[0]) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: props.scene.id,
  });
  return (
    <SceneCard
      {...props}
      sortable={{
        setNodeRef,
        setActivatorNodeRef,
        handleProps: { ...attributes, ...listeners },
        style: { transform: CSS.Translate.toString(transform), transition },
        isDragging,
      }}
    />
  );
}

export function SortableSceneList({
  onReorder,
  onDragStart,
  ...props
}: SceneListProps & { onReorder: (sceneIds: string[]) => void; onDragStart: () => void }) {
  const dndId = useId();
  const [dragging, setDragging] = useState(false);
  const ids = useMemo(() => props.scenes.map((s) => s.id), [props.scenes]);
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
        <SceneList {...props} dragging={dragging} Card={SortableSceneCard} />
      </SortableContext>
    </DndContext>
  );
}
