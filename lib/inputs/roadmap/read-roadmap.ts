import "server-only";
import type { Env } from "@/lib/config/env";
import { plannerModeFor } from "@/lib/planner/check-llm";
import { createLlmClientFromEnv } from "@/lib/planner/llm-client";
import { ocrImage } from "./ocr-image";
import { readRoadmapText, type RoadmapReading } from "./plan-roadmap";
import { readRoadmapWithVision } from "./read-roadmap-llm";

export type RoadmapRead = { reading: RoadmapReading; via: "vision" | "ocr"; model: string | null };

/** A vision model when an LLM is configured and takes images; OCR on the CPU otherwise. */
export async function readRoadmap(png: Buffer, config: Env): Promise<RoadmapRead> {
  if (plannerModeFor(config) === "llm") {
    const model = config.OPENAI_VISION_MODEL ?? config.OPENAI_MODEL;
    const reading = await readRoadmapWithVision(png, { client: createLlmClientFromEnv(config), model });
    if (reading && reading.items.length > 0) return { reading, via: "vision", model };
  }
  return { reading: readRoadmapText(await ocrImage(png)), via: "ocr", model: null };
}
