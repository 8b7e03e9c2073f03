import "server-only";

import type { ExportFrame, ReadObject } from "@/lib/export/types";

/**
 * A frame's bytes for re-encoding. The display WebP is preferred when it is big enough (smaller to
 * read, and decoded faster); the original is the fallback, and the choice when more pixels are
 * needed. Returns null when neither can be read: exports then draw a labelled placeholder rather
 * than failing the whole download because one stored object went missing.
 */
export async function readFrameForRender(
  frame: ExportFrame,
  read: ReadObject,
  neededLongSide: number,
): Promise<Buffer | null> {
  const displayLongSide = Math.min(1920, Math.max(frame.width, frame.height));
  const keys =
    neededLongSide > displayLongSide && Math.max(frame.width, frame.height) > displayLongSide
      ? [frame.originalKey, frame.displayKey]
      : [frame.displayKey, frame.originalKey];
  for (const key of keys) {
    try {
      const bytes = await read(key);
      if (bytes.length > 0) return bytes;
    } catch {
      // Try the other copy.
    }
  }
  return null;
}
