import type { SceneDto, StoryboardDto } from "@/lib/storyboards/dto";
import type { ScenePatch, StoryboardPatch } from "@/components/api/storyboards-api";

// Pure updates of the cached storyboard: optimistic edits, and adopting what the server answered
// without letting an older answer overwrite a newer local edit.

export const SCENE_TEXT_KEYS = [
  "description",
  "imagePrompt",
  "durationSeconds",
  "shotType",
  "cameraMove",
  "dialogue",
  "notes",
] as const;
export type SceneTextKey = (typeof SCENE_TEXT_KEYS)[number];

export function pickSceneText(source: Partial<SceneDto> | ScenePatch, keys: readonly string[]): Partial<SceneDto> {
  const out: Record<string, unknown> = {};
  for (const k of SCENE_TEXT_KEYS) if (keys.includes(k) && k in source) out[k] = (source as Record<string, unknown>)[k];
  return out as Partial<SceneDto>;
}

export function applyStoryboardPatch(sb: StoryboardDto, patch: StoryboardPatch, now: Date): StoryboardDto {
  const next = { ...sb };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.style !== undefined) next.style = patch.style;
  if (patch.aspectRatio !== undefined) next.aspectRatio = patch.aspectRatio;
  if (patch.approved !== undefined) next.approvedAt = patch.approved ? (sb.approvedAt ?? now.toISOString()) : null;
  return next;
}

/** The storyboard-level fields of a PATCH answer; scenes stay as they are in the cache. */
export function adoptStoryboardMeta(sb: StoryboardDto, server: StoryboardDto, patch: StoryboardPatch): StoryboardDto {
  const next = { ...sb, updatedAt: server.updatedAt };
  if (patch.title !== undefined) next.title = server.title;
  if (patch.style !== undefined) next.style = server.style;
  if (patch.aspectRatio !== undefined) next.aspectRatio = server.aspectRatio;
  if (patch.approved !== undefined) next.approvedAt = server.approvedAt;
  return next;
}

export function updateScene(sb: StoryboardDto, sceneId: string, fn: (s: SceneDto) => SceneDto): StoryboardDto {
  let changed = false;
  const scenes = sb.scenes.map((s) => {
    if (s.id !== sceneId) return s;
    changed = true;
    return fn(s);
  });
  return changed ? { ...sb, scenes } : sb;
}

const renumber = (scenes: SceneDto[]) => scenes.map((s, i) => (s.order === i + 1 ? s : { ...s, order: i + 1 }));

/**
 * Adopts the server's scene order and membership (after add or reorder) while keeping the cached
 * objects of scenes we already have: an edit saved meanwhile must not be replaced by this answer.
 */
export function adoptStructure(sb: StoryboardDto, server: StoryboardDto): StoryboardDto {
  const cached = new Map(sb.scenes.map((s) => [s.id, s]));
  const scenes = renumber(server.scenes.map((s) => cached.get(s.id) ?? s));
  return { ...sb, scenes, totalDuration: server.totalDuration, updatedAt: server.updatedAt };
}

/** Puts scenes in the given order; ids not listed keep their relative order at the end. */
export function reorderStoryboard(sb: StoryboardDto, sceneIds: readonly string[]): StoryboardDto {
  const byId = new Map(sb.scenes.map((s) => [s.id, s]));
  const listed = sceneIds.flatMap((id) => byId.get(id) ?? []);
  const rest = sb.scenes.filter((s) => !sceneIds.includes(s.id));
  return { ...sb, scenes: renumber([...listed, ...rest]) };
}

export function removeScene(sb: StoryboardDto, sceneId: string, totalDuration?: number): StoryboardDto {
  const scenes = renumber(sb.scenes.filter((s) => s.id !== sceneId));
  return {
    ...sb,
    scenes,
    totalDuration: totalDuration ?? scenes.reduce((sum, s) => sum + s.durationSeconds, 0),
  };
}

/** Scene ids with `moved` taken out of its place and put at `to` (dnd-kit's arrayMove, by id). */
export function moveId(ids: readonly string[], moved: string, over: string): string[] {
  const from = ids.indexOf(moved);
  const to = ids.indexOf(over);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
