import "server-only";
import { z } from "zod";
import { singleLineText } from "@/lib/text-fields";
import { extensionForContentType, sceneNumber } from "@/lib/export/labels";
import { readZip, type ZipEntries } from "@/lib/export/read-zip";
import { orderedScenes } from "@/lib/export/scenes";
import { parseStoryboardJson, stringifyStoryboardJson, toStoryboardJson, type StoryboardJson } from "@/lib/export/storyboard-json";
import type { ExportStoryboard, ReadObject } from "@/lib/export/types";
import { streamZipArchive } from "@/lib/export/zip";
import { AppError } from "@/lib/errors";

// The round-trip bundle: a ZIP holding storyboard.json (the ordinary JSON export, importable on
// its own), bundle.json (which picture belongs to which scene, which one is selected) and every
// selected frame and variation as stored, under frames/. Import reads it back into a copy with
// every frame.

export const BUNDLE_FORMAT = "storyframe.bundle";
export const BUNDLE_VERSION = 1;
/** What an imported bundle may hold. */
export const BUNDLE_LIMITS = { maxEntries: 1000, maxEntryBytes: 12 * 1024 * 1024, maxTotalBytes: 150 * 1024 * 1024, maxUploadBytes: 150 * 1024 * 1024 };

/** One stored picture of a scene, as the bundle writer needs it. */
export type BundleFrame = {
  originalKey: string;
  contentType: string;
  width: number;
  height: number;
  seed: number | null;
  model: string | null;
  provider: string;
  selected: boolean;
};

const bundleFrameSchema = z.object({
  /** 1-based scene number in storyboard.json. */
  scene: z.number().int().min(1),
  file: z.string().regex(/^frames\/[A-Za-z0-9._-]{1,120}$/, "must name a file under frames/"),
  selected: z.boolean(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  contentType: z.enum(["image/png", "image/jpeg", "image/webp"]),
  seed: z.number().int().nullable(),
  model: singleLineText().max(200).nullable(),
  provider: singleLineText().max(60),
});

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `not a Storyframe bundle: expected format "${BUNDLE_FORMAT}"` }),
  version: z.literal(BUNDLE_VERSION, { error: `this Storyframe reads bundle version ${BUNDLE_VERSION}` }),
  /** Per scene, newest variation first. */
  frames: z.array(bundleFrameSchema).max(BUNDLE_LIMITS.maxEntries),
});
export type BundleManifest = z.output<typeof bundleManifestSchema>;

/** The bundle as a streamed ZIP; `framesByScene` is keyed by scene id, newest first. */
export function streamStoryboardBundle(
  sb: ExportStoryboard,
  framesByScene: Map<string, BundleFrame[]>,
  read: ReadObject,
  now: Date,
): ReadableStream<Uint8Array> {
  return streamZipArchive(async (archive, gate) => {
    const scenes = orderedScenes(sb);
    const manifest: BundleManifest = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, frames: [] };
    for (const [index, scene] of scenes.entries()) {
      const frames = framesByScene.get(scene.id) ?? [];
      for (const [k, frame] of frames.entries()) {
        await gate.ready();
        if (gate.cancelled) return;
        const bytes = await read(frame.originalKey);
        if (gate.cancelled) return;
        const file = `frames/${sceneNumber(index + 1, scenes.length)}-${k + 1}.${extensionForContentType(frame.contentType)}`;
        archive.append(bytes, { name: file, store: true, date: now });
        gate.appended(bytes.length);
        manifest.frames.push({
          scene: index + 1,
          file,
          selected: frame.selected,
          width: frame.width,
          height: frame.height,
          contentType: bundleContentType(frame.contentType),
          seed: frame.seed,
          model: frame.model,
          provider: frame.provider,
        });
      }
    }
    archive.append(stringifyStoryboardJson(toStoryboardJson(sb, now)), { name: "storyboard.json", date: now });
    archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: "bundle.json", date: now });
    await archive.finalize();
  });
}

function bundleContentType(contentType: string): BundleManifest["frames"][number]["contentType"] {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "image/jpeg" || type === "image/jpg") return "image/jpeg";
  if (type === "image/webp") return "image/webp";
  return "image/png";
}

export type ParsedBundle = { json: StoryboardJson; frames: (BundleManifest["frames"][number] & { bytes: Buffer })[] };

const badBundle = (message: string) => new AppError("INVALID_REQUEST", `This is not a bundle Storyframe can import: ${message}.`);

function readJsonEntry(entries: ZipEntries, name: string): unknown {
  const bytes = entries.get(name);
  if (!bytes) throw badBundle(`${name} is missing`);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw badBundle(`${name} is not valid JSON`);
  }
}

/** Opens and checks a bundle (ZIP) — every problem a 400 naming it; the images are checked on import. */
export function parseStoryboardBundle(zip: Buffer): ParsedBundle {
  const opened = readZip(zip, BUNDLE_LIMITS);
  if (!opened.ok) throw badBundle(opened.problem);
  const json = parseStoryboardJson(readJsonEntry(opened.entries, "storyboard.json"));
  const manifest = bundleManifestSchema.parse(readJsonEntry(opened.entries, "bundle.json"));
  const frames = manifest.frames.map((f, i) => {
    if (f.scene > json.scenes.length) throw badBundle(`frames.${i} names scene ${f.scene}, but there are ${json.scenes.length}`);
    const bytes = opened.entries.get(f.file);
    if (!bytes) throw badBundle(`${f.file} is listed in bundle.json but not in the archive`);
    return { ...f, bytes };
  });
  for (let scene = 1; scene <= json.scenes.length; scene++) {
    if (frames.filter((f) => f.scene === scene && f.selected).length > 1) throw badBundle(`scene ${scene} has more than one selected frame`);
  }
  return { json, frames };
}
