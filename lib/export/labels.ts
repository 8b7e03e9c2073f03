import type { AspectRatio, CameraMove, ShotType, StylePreset } from "@/lib/planner/schema";

// How exports print names and numbers. Pure and client-safe, so the studio UI can show the same words.

const SHOT_LABELS: Record<ShotType, string> = {
  "extreme-wide": "Extreme wide",
  wide: "Wide",
  medium: "Medium",
  "close-up": "Close-up",
  "extreme-close-up": "Extreme close-up",
  "over-the-shoulder": "Over the shoulder",
  pov: "POV",
  insert: "Insert",
};

const CAMERA_LABELS: Record<CameraMove, string> = {
  static: "Static",
  pan: "Pan",
  tilt: "Tilt",
  "dolly-in": "Dolly in",
  "dolly-out": "Dolly out",
  truck: "Truck",
  crane: "Crane",
  handheld: "Handheld",
};

const STYLE_LABELS: Record<StylePreset, string> = {
  "pencil-sketch": "Pencil sketch",
  cinematic: "Cinematic",
  anime: "Anime",
  comic: "Comic",
  watercolor: "Watercolor",
  noir: "Noir",
  photoreal: "Photoreal",
  "3d-render": "3D render",
};

export function shotLabel(shot: ShotType): string {
  return SHOT_LABELS[shot];
}

export function cameraLabel(move: CameraMove): string {
  return CAMERA_LABELS[move];
}

export function styleLabel(style: StylePreset): string {
  return STYLE_LABELS[style];
}

/** Width over height of an aspect ratio. */
export function aspectValue(ratio: AspectRatio): number {
  const [w, h] = ratio.split(":").map(Number);
  return (w ?? 16) / (h ?? 9);
}

/** Clock time for a total: 30 → "0:30", 95.4 → "1:35". */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** A scene's length: 4 → "4 s", 2.5 → "2.5 s". */
export function formatSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} s`;
}

/** "03" for scene 3 of 12; three digits once a storyboard reaches 100 scenes. */
export function sceneNumber(position: number, sceneCount: number): string {
  return String(position).padStart(sceneCount >= 100 ? 3 : 2, "0");
}

/** ASCII, lower-case, hyphenated, at most `max` characters, cut at a word boundary when possible. */
export function slugify(text: string, max = 40): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= max) return ascii || "scene";
  const cut = ascii.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf("-");
  const slug = (lastHyphen >= max / 2 ? cut.slice(0, lastHyphen) : ascii.slice(0, max)).replace(/-+$/, "");
  return slug || "scene";
}

/**
 * The name an export downloads as: the title as written, in any script ("日本語.pdf",
 * "Crème brûlée.zip"), less what file systems refuse (/ \ : * ? " < > | and control characters),
 * at most 80 characters; "storyboard" when nothing is left.
 */
export function downloadFileName(title: string, suffix: string): string {
  const base = Array.from(
    title
      .normalize("NFC")
      .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  )
    .slice(0, 80)
    .join("")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return `${base || "storyboard"}${suffix}`;
}

/** File extension for a stored image's content type. */
export function extensionForContentType(contentType: string): string {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  switch (type) {
    case "image/jpeg":
    case "image/jpg":
      return "jpg";
    case "image/png":
      return "png";
    case "image/webp":
      return "webp";
    case "image/avif":
      return "avif";
    case "image/gif":
      return "gif";
    default:
      return "bin";
  }
}

/** "6 March 2026", in UTC so a server's locale and zone never change a document. */
export function formatDate(date: Date): string {
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
