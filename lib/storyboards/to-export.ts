import "server-only";
import type { BundleFrame } from "@/lib/export/bundle";
import type { ExportStoryboard, ReadObject } from "@/lib/export/types";
import { framesByScene, selectedFrameOf } from "@/lib/generation/latest-frames";
import { AppError } from "@/lib/errors";
import { creditsForDepicts } from "@/lib/providers/sketch/icons/icon-index";
import type { Storage } from "@/lib/storage/types";
import type { LoadedStoryboard } from "./load-storyboard";
import { sceneFieldsOf, storyboardFieldsOf } from "./row-fields";

/** The storyboard as the exporters see it: each scene with its selected stored frame (or none). */
export function toExportStoryboard({ storyboard: s, scenes, frames }: LoadedStoryboard): ExportStoryboard {
  const byScene = framesByScene(frames);
  const selected = scenes.map((scene) => selectedFrameOf(scene.selectedFrameId, byScene.get(scene.id)?.succeeded ?? []));
  return {
    ...storyboardFieldsOf(s),
    createdAt: s.createdAt,
    credits: creditsForDepicts(selected.flatMap((f) => f?.depicts ?? [])).lines,
    scenes: [...scenes]
      .sort((a, b) => a.order - b.order)
      .map((scene) => {
        const frame = selectedFrameOf(scene.selectedFrameId, byScene.get(scene.id)?.succeeded ?? []);
        return {
          ...sceneFieldsOf(scene),
          frame:
            frame?.originalKey && frame.displayKey
              ? {
                  originalKey: frame.originalKey,
                  displayKey: frame.displayKey,
                  contentType: frame.contentType ?? "image/png",
                  width: frame.width ?? 0,
                  height: frame.height ?? 0,
                  seed: frame.seed,
                  model: frame.model,
                }
              : null,
        };
      }),
  };
}

/** Per scene id: every succeeded frame (newest first) as the bundle writes it, the selected one flagged. */
export function toBundleFrames({ scenes, frames }: LoadedStoryboard): Map<string, BundleFrame[]> {
  const byScene = framesByScene(frames);
  const out = new Map<string, BundleFrame[]>();
  for (const scene of scenes) {
    const succeeded = (byScene.get(scene.id)?.succeeded ?? []).filter((f) => f.originalKey);
    const selected = selectedFrameOf(scene.selectedFrameId, succeeded);
    out.set(
      scene.id,
      succeeded.map((f) => ({
        originalKey: f.originalKey!,
        contentType: f.contentType ?? "image/png",
        width: f.width ?? 0,
        height: f.height ?? 0,
        seed: f.seed,
        model: f.model,
        provider: f.provider,
        selected: f.id === selected?.id,
      })),
    );
  }
  return out;
}

/** Reads stored bytes for the exporters; a missing object is an error the export reports. */
export function readFrom(storage: Storage): ReadObject {
  return async (key) => {
    const object = await storage.get(key);
    if (!object) throw new AppError("NOT_FOUND", `A stored frame is missing (${key}).`);
    return object.body;
  };
}
