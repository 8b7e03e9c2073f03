import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

// The repo ships Geist (OFL) so PDFs and captions look the same on every host, with or without
// system fonts. Each path is spelled out in full so the build's file tracing sees exactly these
// three files (a path computed from a variable makes it trace the whole project).

const FONT_PATHS = {
  regular: path.join(process.cwd(), "assets", "fonts", "Geist-Regular.ttf"),
  semibold: path.join(process.cwd(), "assets", "fonts", "Geist-SemiBold.ttf"),
  mono: path.join(process.cwd(), "assets", "fonts", "GeistMono-Regular.ttf"),
} as const;

export type FontName = keyof typeof FONT_PATHS;

export function fontPath(name: FontName): string {
  return FONT_PATHS[name];
}

// Spelled out again, not read from FONT_PATHS: the tracer only follows a literal path at the call.
const READERS: Record<FontName, () => Promise<Buffer>> = {
  regular: () => readFile(path.join(process.cwd(), "assets", "fonts", "Geist-Regular.ttf")),
  semibold: () => readFile(path.join(process.cwd(), "assets", "fonts", "Geist-SemiBold.ttf")),
  mono: () => readFile(path.join(process.cwd(), "assets", "fonts", "GeistMono-Regular.ttf")),
};

const cache = new Map<FontName, Promise<Buffer>>();

/** The font's bytes, read once per process. */
export function loadFont(name: FontName): Promise<Buffer> {
  let pending = cache.get(name);
  if (!pending) {
    pending = READERS[name]();
    // A failed read (missing asset) must not be cached forever.
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}
