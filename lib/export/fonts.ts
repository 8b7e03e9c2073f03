import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

// The repo ships Geist (OFL) so PDFs and captions look the same on every host, with or without
// system fonts. Next's file tracing must include assets/fonts (outputFileTracingIncludes) for
// standalone builds, because these paths are only known at run time.

export const FONT_FILES = {
  regular: "Geist-Regular.ttf",
  semibold: "Geist-SemiBold.ttf",
  mono: "GeistMono-Regular.ttf",
} as const;

export type FontName = keyof typeof FONT_FILES;

export function fontPath(name: FontName, fontDir = path.join(process.cwd(), "assets", "fonts")): string {
  return path.join(fontDir, FONT_FILES[name]);
}

const cache = new Map<string, Promise<Buffer>>();

/** The font's bytes, read once per process. */
export function loadFont(name: FontName, fontDir?: string): Promise<Buffer> {
  const file = fontPath(name, fontDir);
  let pending = cache.get(file);
  if (!pending) {
    pending = readFile(file);
    // A failed read (missing asset) must not be cached forever.
    pending.catch(() => cache.delete(file));
    cache.set(file, pending);
  }
  return pending;
}
