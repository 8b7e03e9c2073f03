import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertFrameStatement, insertSceneStatement, insertStoryboardStatement } from "@/lib/db/queries/edit-statements";
import { BUNDLE_LIMITS, parseStoryboardBundle, type ParsedBundle } from "@/lib/export/bundle";
import { looksLikeZip } from "@/lib/export/read-zip";
import { parseStoryboardJson, type StoryboardJson } from "@/lib/export/storyboard-json";
import { AppError } from "@/lib/errors";
import { storyboardPrefix } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";
import { runStatements, type Statement } from "./edit-log";
import { storedFrameRow, storeFrameImage, type StoredImage } from "./frame-images";

const TITLE_MAX = 120;

/** "Night shift" → "Night shift (imported)", cut so it still fits the title limit. */
export function importedTitle(title: string, suffix = " (imported)"): string {
  const base = Array.from(title);
  return base.length + suffix.length <= TITLE_MAX ? `${title}${suffix}` : `${base.slice(0, TITLE_MAX - suffix.length - 1).join("").trimEnd()}…${suffix}`;
}

/** What an import request carried: the JSON export, or the bundle ZIP. */
export type ImportFile = { kind: "json"; value: unknown } | { kind: "bundle"; bytes: Buffer };

const mediaType = (contentType: string) => contentType.split(";")[0]?.trim().toLowerCase() ?? "";
const isJsonType = (type: string) => /^application\/([a-z0-9.+-]*\+)?json$/.test(type);
const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

/** How many bytes an import may send, by its type — refused with 415 before reading anything else. */
export function importBodyLimit(contentType: string, jsonLimit: number): number {
  const type = mediaType(contentType);
  if (isJsonType(type)) return jsonLimit;
  if (ZIP_TYPES.includes(type)) return BUNDLE_LIMITS.maxUploadBytes;
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send a storyboard JSON (application/json) or a bundle (application/zip).");
}

/** Tells the two apart by content type (octet-stream must carry the ZIP signature). */
export function importFileOf(body: Buffer, contentType: string): ImportFile {
  const type = mediaType(contentType);
  if (isJsonType(type)) {
    const text = body.toString("utf8");
    if (text.trim() === "") throw new AppError("INVALID_REQUEST", "The request body is empty; send a storyboard JSON or bundle.");
    try {
      return { kind: "json", value: JSON.parse(text) };
    } catch {
      throw new AppError("INVALID_REQUEST", "The request body is not valid JSON.");
    }
  }
  if (ZIP_TYPES.includes(type)) {
    if (!looksLikeZip(body)) throw new AppError("INVALID_REQUEST", "This is not a bundle Storyframe can import: it is not a ZIP file.");
    return { kind: "bundle", bytes: body };
  }
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send a storyboard JSON (application/json) or a bundle (application/zip).");
}

/**
 * Recreates a storyboard from its JSON export (text, timing, style, cast) or its bundle (the
 * same, plus every selected frame and variation) as a copy titled "… (imported)". Every picture
 * is checked and stored before any row is written; a bad one fails the import with nothing left.
 */
export async function importStoryboard({
  db,
  storage,
  workspaceId,
  file,
}: {
  db: Db;
  storage: Storage;
  workspaceId: string;
  file: ImportFile;
}): Promise<string> {
  const bundle: ParsedBundle = file.kind === "bundle" ? parseStoryboardBundle(file.bytes) : { json: parseStoryboardJson(file.value), frames: [] };
  const id = newId();
  const images: StoredImage[] = [];
  try {
    for (const [i, frame] of bundle.frames.entries()) {
      try {
        images.push(await storeFrameImage(storage, id, frame.bytes));
      } catch (e) {
        if (e instanceof AppError) throw new AppError("INVALID_REQUEST", `This bundle's ${frame.file} (frames.${i}) is not a usable image: ${e.message}`);
        throw e;
      }
    }
    await insertImported(db, { id, workspaceId, json: bundle.json, frames: bundle.frames.map((f, i) => ({ ...f, image: images[i]! })) });
  } catch (e) {
    if (images.length > 0) await storage.deletePrefix(storyboardPrefix(id)).catch(() => {});
    throw e;
  }
  return id;
}

async function insertImported(
  db: Db,
  {
    id,
    workspaceId,
    json,
    frames,
  }: { id: string; workspaceId: string; json: StoryboardJson; frames: (ParsedBundle["frames"][number] & { image: StoredImage })[] },
) {
  const now = new Date();
  const { storyboard: s } = json;
  const storyboard = { id, aspectRatio: s.aspectRatio };
  const statements: Statement[] = [
    insertStoryboardStatement(db, {
      id,
      workspaceId,
      title: importedTitle(s.title),
      logline: s.logline,
      prompt: s.prompt,
      sourceKind: "import",
      form: s.form,
      style: s.style,
      aspectRatio: s.aspectRatio,
      targetDuration: s.totalDuration,
      totalDuration: s.totalDuration,
      status: "draft",
      plannerUsed: "import",
      plannerModel: null,
      styleBible: s.styleBible,
      characters: s.characters,
      createdAt: now,
      updatedAt: now,
    }),
  ];
  for (const scene of json.scenes) {
    const row = {
      id: newId(),
      storyboardId: id,
      order: scene.order,
      narrativeRole: scene.narrativeRole,
      description: scene.description,
      imagePrompt: scene.imagePrompt,
      durationSeconds: scene.durationSeconds,
      shotType: scene.shotType,
      cameraMove: scene.cameraMove,
      characters: scene.characters,
      dialogue: scene.dialogue,
      notes: scene.notes,
      diagram: scene.diagram ?? null,
      selectedFrameId: null as string | null,
      createdAt: now,
      updatedAt: now,
    };
    // Newest variation first in the bundle: older ones get earlier times, so the order survives.
    const rows = frames
      .filter((f) => f.scene === scene.order)
      .map((f, k) => {
        const frame = storedFrameRow({ storyboard, scene: row, image: f.image, provider: f.provider, model: f.model ?? "unknown", seed: f.seed, now: new Date(now.getTime() - k - 1) });
        if (f.selected) row.selectedFrameId = frame.id;
        return frame;
      });
    statements.push(insertSceneStatement(db, row), ...rows.map((f) => insertFrameStatement(db, f)));
  }
  // One batch: the copy lands whole or not at all.
  await runStatements(db, statements);
}
