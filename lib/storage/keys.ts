import { AppError } from "@/lib/errors";

// Keys are relative, slash-separated paths of safe segments. Anything else is refused outright
// rather than "cleaned", so no spelling of a key can ever name a file outside the storage root.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function keyProblem(key: string): string | null {
  if (typeof key !== "string" || key.length === 0) return "the key is empty";
  if (key.length > 512) return "the key is longer than 512 characters";
  if (key.includes("\0")) return "the key contains a NUL byte";
  if (key.includes("\\")) return "the key contains a backslash";
  if (key.startsWith("/")) return "the key is an absolute path";
  if (/^[A-Za-z]:/.test(key)) return "the key is a drive path";
  if (/%[0-9A-Fa-f]{2}/.test(key)) return "the key contains percent-encoding";
  const segments = key.split("/");
  for (const s of segments) {
    if (s === "" ) return "the key has an empty segment";
    if (s === "." || s === "..") return "the key contains a relative segment";
    if (!SEGMENT.test(s)) return `the key segment "${s.slice(0, 40)}" has characters outside A-Z a-z 0-9 . _ -`;
  }
  return null;
}

export function assertValidKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new AppError("INVALID_REQUEST", `Invalid storage key: ${problem}.`);
  return key;
}

/** Content-addressed frame keys: the hash is part of the name, so a repeated store is harmless. */
export function frameKeys(storyboardId: string, contentHash: string, originalExt: string) {
  const base = `storyboards/${storyboardId}/frames/${contentHash}`;
  return {
    original: assertValidKey(`${base}.${originalExt}`),
    display: assertValidKey(`${base}.display.webp`),
    thumbnail: assertValidKey(`${base}.thumb.webp`),
  };
}

export function storyboardPrefix(storyboardId: string): string {
  return assertValidKey(`storyboards/${storyboardId}`) + "/";
}

/** Content-addressed keys never change content, so they may be cached forever. */
export function isImmutableKey(key: string): boolean {
  return /\/frames\/[0-9a-f]{64}\.[a-z.]+$/.test(key);
}

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  json: "application/json",
  pdf: "application/pdf",
  zip: "application/zip",
  mp4: "video/mp4",
  txt: "text/plain; charset=utf-8",
};

export function contentTypeForKey(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}
