"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { SceneCard } from "./scene-card";
import { SceneList, type SceneListProps } from "./scene-list";

// The scene grid. Drag-and-drop (@dnd-kit, ~25 kB) is not in the editor's first-load JS: the grid
// first renders plain cards, and the first sign of a drag — the pointer over a card, focus on a
// card's handle — loads sortable-scene-list.tsx, which takes over the same grid. Whatever had focus
// (a handle) has it again after the swap, and a Space or Enter pressed on a handle while it loaded
// is pressed again for @dnd-kit's keyboard sensor, so that drag starts as if it had been there.

type SortableModule = typeof import("./sortable-scene-list");
let loading: Promise<SortableModule> | null = null;
const loadSortable = () => (loading ??= import("./sortable-scene-list"));

type Props = SceneListProps & { onReorder: (sceneIds: string[]) => void; onDragStart: () => void };

export function SceneGrid({ onReorder, onDragStart, ...props }: Props) {
  const [sortable, setSortable] = useState<SortableModule | null>(null);
  const focusKey = useRef<string | null>(null);
  const startKey = useRef<string | null>(null);

  const onDragIntent = useCallback(
    (key?: string) => {
      if (sortable) return;
      if (key) startKey.current = key;
      void loadSortable().then((m) => {
        focusKey.current = document.activeElement?.getAttribute("data-focus-key") ?? null;
        setSortable(m);
      });
    },
    [sortable],
  );

  useLayoutEffect(() => {
    const key = focusKey.current;
    if (!sortable || !key) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    el?.focus({ preventScroll: true });
    // The key a frame later: @dnd-kit measures its droppables in its own effects first.
    const raf = requestAnimationFrame(() => {
      focusKey.current = null;
      const code = startKey.current;
      startKey.current = null;
      if (el && code) el.dispatchEvent(new KeyboardEvent("keydown", { code, key: code === "Space" ? " " : "Enter", bubbles: true, cancelable: true }));
    });
    return () => cancelAnimationFrame(raf);
  }, [sortable]);

  if (sortable) return <sortable.SortableSceneList {...props} onReorder={onReorder} onDragStart={onDragStart} />;
  return <SceneList {...props} dragging={false} Card={SceneCard} onDragIntent={onDragIntent} />;
}
