import "server-only";
import { z } from "zod";
import { openAnimaticStream } from "@/lib/export/animatic";
import { streamStoryboardBundle } from "@/lib/export/bundle";
import { PDF_LAYOUTS } from "@/lib/export/pdf-layout";
import { renderStoryboardPdf } from "@/lib/export/pdf";
import { stringifyStoryboardJson, toStoryboardJson } from "@/lib/export/storyboard-json";
import { downloadFileName } from "@/lib/export/labels";
import { streamStoryboardZip } from "@/lib/export/zip";
import type { Storage } from "@/lib/storage/types";
import { renderStoryboardAnimatic } from "./animatic";
import type { LoadedStoryboard } from "./load-storyboard";
import { readFrom, toBundleFrames, toExportStoryboard } from "./to-export";

export const exportQuerySchema = z.object({
  format: z.enum(["pdf", "zip", "mp4", "json", "bundle"]),
  layout: z.enum(PDF_LAYOUTS).default("grid-2x3"),
  /** Burn scene captions into the animatic. */
  captions: z.enum(["0", "1", "true", "false"]).default("0").transform((v) => v === "1" || v === "true"),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export type ExportFile = {
  body: BodyInit;
  contentType: string;
  filename: string;
  /** Scenes exported as placeholders because they have no finished frame. */
  placeholders: number;
};

export async function exportStoryboardFile(
  loaded: LoadedStoryboard,
  storage: Storage,
  query: ExportQuery,
  signal?: AbortSignal,
): Promise<ExportFile> {
  const sb = toExportStoryboard(loaded);
  const read = readFrom(storage);
  const placeholders = sb.scenes.filter((s) => !s.frame).length;
  const now = new Date();
  switch (query.format) {
    case "json":
      return {
        body: stringifyStoryboardJson(toStoryboardJson(sb, now)),
        contentType: "application/json; charset=utf-8",
        filename: downloadFileName(sb.title, ".storyboard.json"),
        placeholders,
      };
    case "pdf":
      return {
        body: Buffer.from(await renderStoryboardPdf(sb, read, { layout: query.layout, now })),
        contentType: "application/pdf",
        filename: downloadFileName(sb.title, ".pdf"),
        placeholders,
      };
    case "mp4": {
      const result = await renderStoryboardAnimatic(loaded, storage, { captions: query.captions, signal });
      return { body: await openAnimaticStream(result), contentType: "video/mp4", filename: downloadFileName(sb.title, ".mp4"), placeholders };
    }
    case "bundle":
      // Round trip: the JSON plus every selected frame and variation, for POST /api/storyboards/import.
      return {
        body: streamStoryboardBundle(sb, toBundleFrames(loaded), read, now),
        contentType: "application/zip",
        filename: downloadFileName(sb.title, ".storyframe.zip"),
        placeholders,
      };
    case "zip": {
      const pdf = await renderStoryboardPdf(sb, read, { layout: query.layout, now });
      return {
        body: streamStoryboardZip(sb, read, { pdf, now }),
        contentType: "application/zip",
        filename: downloadFileName(sb.title, ".zip"),
        placeholders,
      };
    }
  }
}
