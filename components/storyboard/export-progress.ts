import type { ExportFormat, PdfLayout } from "@/components/api/storyboards-api";

// The export menu's contract with whatever produces a file. The menu only ever sees an
// ExportProgress and a URL to download: today the animatic's "rendering" phase comes from the NDJSON
// stream of POST …/animatic (animatic-export.ts); a job poll can report the same phase through
// `renderOnServer` without the menu changing.

export type ExportItem = {
  key: string;
  label: string;
  hint: string;
  format: ExportFormat;
  layout?: PdfLayout;
  ext: string;
  captions?: boolean;
};

export const EXPORT_ITEMS: readonly ExportItem[] = [
  { key: "pdf-2x3", label: "PDF · 2×3 grid", hint: "Six frames a page, with notes", format: "pdf", layout: "grid-2x3", ext: "pdf" },
  { key: "pdf-3x3", label: "PDF · 3×3 grid", hint: "Nine frames a page", format: "pdf", layout: "grid-3x3", ext: "pdf" },
  { key: "pdf-single", label: "PDF · 1-up", hint: "One large frame a page", format: "pdf", layout: "single", ext: "pdf" },
  { key: "zip", label: "ZIP", hint: "Every frame as an image, plus the plan", format: "zip", ext: "zip" },
  { key: "mp4", label: "MP4 animatic", hint: "Frames timed to the scenes", format: "mp4", ext: "mp4" },
  { key: "mp4-captions", label: "MP4 animatic · captions", hint: "With scene captions burned in", format: "mp4", ext: "mp4", captions: true },
  { key: "json", label: "JSON", hint: "The plan, scenes and frame URLs", format: "json", ext: "json" },
];

/** What one export is doing right now. */
export type ExportProgress =
  | { phase: "preparing" }
  /** Server-side work before there is a file (the animatic's encode), 0…1. */
  | { phase: "rendering"; fraction: number }
  | { phase: "downloading"; received: number; total: number | null };

/** Formats whose file is made on the server first; resolves with the URL to download. */
export type RenderOnServer = (
  storyboardId: string,
  item: ExportItem,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
) => Promise<string>;

/** The line under a busy menu item. */
export function exportProgressText(p: ExportProgress): string {
  switch (p.phase) {
    case "preparing":
      return "Preparing…";
    case "rendering":
      return `Rendering the animatic · ${Math.round(Math.min(1, Math.max(0, p.fraction)) * 100)}%`;
    case "downloading":
      if (p.received === 0) return "Preparing…";
      if (p.total) return `Downloading ${Math.round((p.received / p.total) * 100)}%`;
      return `Downloading ${(p.received / 1_048_576).toFixed(1)} MB`;
  }
}
