import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { decodeImage } from "@/lib/inputs/roadmap/ocr-image";
import { planRoadmap } from "@/lib/inputs/roadmap/plan-roadmap";
import { readRoadmap } from "@/lib/inputs/roadmap/read-roadmap";
import { INPUT_LIMITS, roadmapInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/from-roadmap — a roadmap screenshot (read by a vision model, or OCR on the CPU offline) into a timeline storyboard
export const POST = route(async (request) => {
  const body = await readJson(request, roadmapInputSchema, Math.ceil((INPUT_LIMITS.imageMaxBytes * 4) / 3) + 64 * 1024);
  const { reading, via, model } = await readRoadmap(await decodeImage(body.image_data), env());
  const { plan, request: planRequest } = planRoadmap(reading, body);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await createStoryboard({ db, workspaceId, request: planRequest, planned: { plan, planner: via === "vision" ? "llm" : "embedded", model }, sourceKind: "roadmap" });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json({ success: true, roadmap: reading, readBy: via, storyboard }, { status: 201, headers: { Location: `/api/storyboards/${id}` } });
});
