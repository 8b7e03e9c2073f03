import "server-only";
import sharp, { type Metadata } from "sharp";
import { newId } from "@/lib/db/ids";
import type { FrameRow, NewFrameRow, SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { processOutput } from "@/lib/generation/process-output";
import type { AspectRatio } from "@/lib/planner/schema";
import { frameKeys } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";

/** Your own picture: at most this many bytes, and this many pixels (a decompression bomb is refused before decoding). */
export const IMAGE_UPLOAD_MAX_BYTES = 12 * 1024 * 1024;
export const IMAGE_MAX_PIXELS = 40_000_000;

/** A picture processed and stored exactly as a generated frame's is; not yet a row. */
export type StoredImage = Pick<
  FrameRow,
  "originalKey" | "displayKey" | "thumbnailKey" | "contentType" | "width" | "height" | "bytes" | "contentHash"
>;

const unreadable = (message: string) => new AppError("UNREADABLE_INPUT", message);

/**
 * Checks the bytes are a PNG, JPEG or WebP within the limits, derives the display and thumbnail
 * WebPs with the same sharp pipeline as generated frames, and stores them under the storyboard's
 * content-addressed keys (storing the same picture twice is harmless).
 */
export async function storeFrameImage(storage: Storage, storyboardId: string, bytes: Buffer): Promise<StoredImage> {
  if (bytes.length === 0) throw new AppError("INVALID_REQUEST", "The image is empty.");
  if (bytes.length > IMAGE_UPLOAD_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The image is larger than ${IMAGE_UPLOAD_MAX_BYTES / 1024 / 1024} MB.`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS }).metadata();
  } catch {
    throw unreadable("This file is not an image we can read (send a PNG, JPEG or WebP).");
  }
  if (!meta.format || !["png", "jpeg", "webp"].includes(meta.format)) {
    throw unreadable(`Send a PNG, JPEG or WebP image (this one is ${meta.format ?? "not an image"}).`);
  }
  if (!meta.width || !meta.height || meta.width * meta.height > IMAGE_MAX_PIXELS) {
    throw unreadable(`The image is larger than ${IMAGE_MAX_PIXELS / 1_000_000} megapixels.`);
  }
  let processed: Awaited<ReturnType<typeof processOutput>>;
  try {
    processed = await processOutput(bytes);
  } catch {
    throw unreadable("The image is corrupt or truncated.");
  }
  const keys = frameKeys(storyboardId, processed.hash, processed.original.ext);
  const displayKey = processed.display ? keys.display : keys.original;
  await Promise.all([
    storage.put(keys.original, processed.original.body, { contentType: processed.original.contentType }),
    processed.display && storage.put(keys.display, processed.display, { contentType: "image/webp" }),
    storage.put(keys.thumbnail, processed.thumbnail, { contentType: "image/webp" }),
  ]);
  return {
    originalKey: keys.original,
    displayKey,
    thumbnailKey: keys.thumbnail,
    contentType: processed.original.contentType,
    width: processed.width,
    height: processed.height,
    bytes: processed.original.body.length,
    contentHash: processed.hash,
  };
}

/** A succeeded frame row for a picture that did not come from a provider (an upload, an imported bundle). */
export function storedFrameRow({
  storyboard,
  scene,
  image,
  provider,
  model,
  seed,
  now,
}: {
  storyboard: Pick<StoryboardRow, "id" | "aspectRatio">;
  scene: Pick<SceneRow, "id" | "imagePrompt">;
  image: StoredImage;
  provider: string;
  model: string;
  seed: number | null;
  now: Date;
}): NewFrameRow & { id: string } {
  return {
    id: newId(),
    sceneId: scene.id,
    storyboardId: storyboard.id,
    provider,
    model,
    status: "succeeded",
    input: {
      prompt: scene.imagePrompt,
      aspectRatio: storyboard.aspectRatio as AspectRatio,
      seed: seed ?? 0,
      outputFormat: "png",
      referenceImageUrl: null,
      scene: null,
      webhookUrl: null,
    },
    seed,
    progress: 1,
    ...image,
    unitPrice: 0,
    cost: 0,
    completedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The image inside an upload: the raw body when it is sent as image/* (or octet-stream), else
 * the first file of a multipart form (field "file" or "image", or the only file sent).
 */
export async function imageFromUpload(body: Buffer, contentType: string): Promise<Buffer> {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type.startsWith("image/") || type === "application/octet-stream") return body;
  if (type !== "multipart/form-data") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the image as the body (Content-Type: image/png, image/jpeg or image/webp) or as multipart/form-data.");
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("INVALID_REQUEST", "The multipart body could not be read.");
  }
  const file = [form.get("file"), form.get("image"), ...form.values()].find((v): v is File => typeof v === "object" && v !== null);
  if (!file) throw new AppError("INVALID_REQUEST", 'The form has no file: send it in the field "file".');
  return Buffer.from(await file.arrayBuffer());
}
