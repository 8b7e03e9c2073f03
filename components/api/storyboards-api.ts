import type { AspectRatio, CameraMove, PlanRequestInput, ShotType, StylePreset } from "@/lib/planner/schema";
import type {
  FrameDto,
  GenerateResponseDto,
  SceneDto,
  StoryboardDto,
  StoryboardProgressDto,
  StoryboardSummaryDto,
} from "@/lib/storyboards/dto";
import { fetchJson } from "./fetch-json";

// Typed calls to the JSON API, one per route. Components use these through TanStack Query.

const base = (id: string) => `/api/storyboards/${encodeURIComponent(id)}`;

export async function createStoryboard(input: PlanRequestInput, signal?: AbortSignal): Promise<StoryboardDto> {
  const r = await fetchJson<{ storyboard: StoryboardDto }>("/api/storyboards", { method: "POST", json: input, signal });
  return r.storyboard;
}

export async function listStoryboardsPage(cursor: string | null, limit = 20) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set("cursor", cursor);
  return fetchJson<{ storyboards: StoryboardSummaryDto[]; nextCursor: string | null }>(`/api/storyboards?${q}`);
}

export async function getStoryboard(id: string, signal?: AbortSignal): Promise<StoryboardDto> {
  return (await fetchJson<{ storyboard: StoryboardDto }>(base(id), { signal })).storyboard;
}

export type StoryboardPatch = { title?: string; style?: StylePreset; aspectRatio?: AspectRatio; approved?: boolean };

export async function patchStoryboard(id: string, patch: StoryboardPatch): Promise<StoryboardDto> {
  return (await fetchJson<{ storyboard: StoryboardDto }>(base(id), { method: "PATCH", json: patch })).storyboard;
}

export async function deleteStoryboard(id: string): Promise<void> {
  await fetchJson(base(id), { method: "DELETE" });
}

export type SceneFields = {
  description: string;
  imagePrompt: string;
  durationSeconds: number;
  shotType: ShotType;
  cameraMove: CameraMove;
  dialogue: string | null;
  notes: string | null;
};

export type ScenePatch = Partial<SceneFields> & { selectedFrameId?: string };

export async function addScene(
  id: string,
  input: { afterSceneId: string | null } & Partial<SceneFields> & { description: string },
): Promise<StoryboardDto> {
  return (await fetchJson<{ storyboard: StoryboardDto }>(`${base(id)}/scenes`, { method: "POST", json: input }))
    .storyboard;
}

export async function patchScene(
  id: string,
  sceneId: string,
  patch: ScenePatch,
): Promise<{ scene: SceneDto; totalDuration: number }> {
  return fetchJson(`${base(id)}/scenes/${encodeURIComponent(sceneId)}`, { method: "PATCH", json: patch });
}

export async function deleteScene(id: string, sceneId: string, opts: { keepalive?: boolean } = {}) {
  return fetchJson<{ totalDuration: number }>(`${base(id)}/scenes/${encodeURIComponent(sceneId)}`, {
    method: "DELETE",
    keepalive: opts.keepalive,
  });
}

export async function reorderScenes(id: string, sceneIds: string[]): Promise<StoryboardDto> {
  return (
    await fetchJson<{ storyboard: StoryboardDto }>(`${base(id)}/scenes/reorder`, { method: "POST", json: { sceneIds } })
  ).storyboard;
}

export type GenerateInput = { sceneIds?: string[]; force?: boolean; provider?: string };

export async function generateFrames(id: string, input: GenerateInput = {}): Promise<GenerateResponseDto> {
  return fetchJson<GenerateResponseDto>(`${base(id)}/generate`, { method: "POST", json: input });
}

/** The image providers this instance can draw with (GET /api/providers), the active one marked. */
export async function listProviders(signal?: AbortSignal): Promise<{ id: string; label: string; active: boolean }[]> {
  return (await fetchJson<{ providers: { id: string; label: string; active: boolean }[] }>("/api/providers", { signal })).providers;
}

export async function getProgress(id: string, signal?: AbortSignal): Promise<StoryboardProgressDto> {
  return (await fetchJson<{ progress: StoryboardProgressDto }>(`${base(id)}/status`, { signal })).progress;
}

export async function cancelFrame(frameId: string): Promise<FrameDto> {
  return (await fetchJson<{ frame: FrameDto }>(`/api/frames/${encodeURIComponent(frameId)}/cancel`, { method: "POST" }))
    .frame;
}

export type ExportFormat = "pdf" | "zip" | "mp4" | "json";
export type PdfLayout = "grid-2x3" | "grid-3x3" | "single";

export function exportUrl(id: string, format: ExportFormat, layout?: PdfLayout, captions?: boolean): string {
  const q = new URLSearchParams({ format });
  if (layout) q.set("layout", layout);
  if (captions) q.set("captions", "1");
  return `${base(id)}/export?${q}`;
}
