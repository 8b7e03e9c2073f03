import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { pollUrl } from "@/lib/inputs/jobs/input-jobs";
import { decodeImage } from "@/lib/inputs/roadmap/ocr-image";
import { planRoadmap } from "@/lib/inputs/roadmap/plan-roadmap";
import { readRoadmap } from "@/lib/inputs/roadmap/read-roadmap";
import { INPUT_LIMITS, roadmapInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { startInputJob } from "@/lib/storyboards/input-job-board";
import { seedWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboard/roadmap — seed 002: a roadmap screenshot → storyboard, as a job to poll
export const POST = route(async (request) => {
  const body = await readJson(request, roadmapInputSchema, Math.ceil((INPUT_LIMITS.imageMaxBytes * 4) / 3) + 64 * 1024);
  const workspaceId = seedWorkspaceId(request);
  const deps = await appGenerationDeps();
  const id = await startInputJob(deps, {
    workspaceId,
    kind: "roadmap",
    work: async () => {
      const { reading, via, model } = await readRoadmap(await decodeImage(body.image_data), env());
      const { plan, request: planRequest } = planRoadmap(reading, body);
      const storyboardId = await createStoryboard({ db: deps.db, workspaceId, request: planRequest, planned: { plan, planner: via === "vision" ? "llm" : "embedded", model }, sourceKind: "roadmap" });
      return { understanding: { headline: plan.title, items: reading.items, read_by: via }, storyboardId };
    },
  });
  return json({ job_id: id, status: "pending", poll_url: pollUrl(id) }, { status: 202 });
});
