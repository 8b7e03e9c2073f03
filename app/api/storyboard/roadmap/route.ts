import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { pollUrl, runInputJob } from "@/lib/inputs/jobs/input-jobs";
import { decodeImage, ocrImage } from "@/lib/inputs/roadmap/ocr-image";
import { planRoadmap, readRoadmapText } from "@/lib/inputs/roadmap/plan-roadmap";
import { INPUT_LIMITS, roadmapInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboard/roadmap — seed 002: a roadmap screenshot → storyboard, as a job to poll
export const POST = route(async (request) => {
  const body = await readJson(request, roadmapInputSchema, Math.ceil((INPUT_LIMITS.imageMaxBytes * 4) / 3) + 64 * 1024);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await runInputJob({
    db,
    workspaceId,
    kind: "roadmap",
    work: async () => {
      const reading = readRoadmapText(await ocrImage(await decodeImage(body.image_data)));
      const { plan, request: planRequest } = planRoadmap(reading, body);
      const storyboardId = await createStoryboard({ db, workspaceId, request: planRequest, planned: { plan, planner: "embedded", model: null }, sourceKind: "roadmap" });
      return { understanding: { headline: plan.title, items: reading.items }, storyboardId };
    },
  });
  return json({ job_id: id, status: "pending", poll_url: pollUrl(id) }, { status: 202 });
});
