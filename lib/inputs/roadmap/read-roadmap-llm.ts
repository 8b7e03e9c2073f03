import "server-only";
import OpenAI from "openai";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { mapLlmError } from "@/lib/planner/llm-errors";
import { askForJson, IMAGE_REFUSED, type LlmReaderDeps } from "../llm-structured";
import type { RoadmapReading } from "./plan-roadmap";

// A vision-capable model reads the roadmap screenshot directly (columns, swimlanes and colour
// coding that OCR flattens); a model or server without image input falls back to OCR.

export const roadmapReadingSchema = z.object({
  title: z.string().max(160).nullable().describe("the roadmap's own title, or null"),
  items: z
    .array(
      z.object({
        when: z.string().max(40).nullable().describe("the quarter, month, phase or column it sits under (Q3, Now, Phase 2), or null"),
        text: z.string().min(1).max(200).describe("the item as written"),
      }),
    )
    .max(24),
});

/** The reading, or null when the model cannot take images (the caller then runs OCR). */
export async function readRoadmapWithVision(png: Buffer, deps: LlmReaderDeps): Promise<RoadmapReading | null> {
  try {
    const reading = await askForJson(deps, roadmapReadingSchema, "roadmap_reading", [
      {
        role: "system",
        content: "You read product roadmap screenshots. List every roadmap item in reading order (left to right, top to bottom), each with the time column or phase it belongs to. Copy item text as written; do not invent items.",
      },
      {
        role: "user",
        content: [
          { type: "text", text: "Read the roadmap items from this screenshot." },
          { type: "image_url", image_url: { url: `data:image/png;base64,${png.toString("base64")}`, detail: "high" } },
        ],
      },
    ]);
    return { title: reading.title?.trim() || null, items: reading.items.map((i) => ({ when: i.when?.trim() || null, text: i.text.trim() })).filter((i) => i.text).slice(0, 12) };
  } catch (e) {
    if (isImageRefused(e)) return null;
    throw e instanceof AppError ? e : mapLlmError(e);
  }
}

function isImageRefused(e: unknown): boolean {
  const cause = e instanceof AppError ? e.cause : e;
  return cause instanceof OpenAI.APIError && (cause.status === 400 || cause.status === 422 || cause.status === 404) && IMAGE_REFUSED.test(cause.message);
}
