// TanStack Query keys for one storyboard. Progress sits under the storyboard's key, so invalidate
// the storyboard with `exact: true` when the poll should be left alone.
export const storyboardKey = (id: string) => ["storyboard", id] as const;
export const progressKey = (id: string) => ["storyboard", id, "progress"] as const;
