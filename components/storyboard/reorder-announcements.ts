// What a screen reader hears while a scene is moved with the keyboard (or the pointer). Pure:
// positions come from the id list the grid passes in.

export const REORDER_INSTRUCTIONS =
  "To move a scene, focus its handle and press Space or Enter. Use the arrow keys to move it, Space or Enter to drop it, or Escape to cancel.";

type Id = string | number;

export function reorderAnnouncements(ids: readonly string[]) {
  const pos = (id: Id) => ids.indexOf(String(id)) + 1;
  const n = ids.length;
  return {
    onDragStart: ({ active }: { active: { id: Id } }) =>
      `Picked up scene ${pos(active.id)} of ${n}. Use the arrow keys to move it; Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }: { active: { id: Id }; over: { id: Id } | null }) =>
      over
        ? String(over.id) === String(active.id)
          ? `Scene ${pos(active.id)} is back in its place.`
          : `Scene ${pos(active.id)} moves to position ${pos(over.id)} of ${n}.`
        : `Scene ${pos(active.id)} is not over a position.`,
    onDragEnd: ({ active, over }: { active: { id: Id }; over: { id: Id } | null }) =>
      over && String(over.id) !== String(active.id)
        ? `Scene ${pos(active.id)} dropped at position ${pos(over.id)} of ${n}.`
        : `Scene ${pos(active.id)} dropped in its place.`,
    onDragCancel: ({ active }: { active: { id: Id } }) => `Move cancelled. Scene ${pos(active.id)} stays where it was.`,
  };
}
