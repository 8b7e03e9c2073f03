import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { planCodeInput } from "@/lib/inputs/code/plan-code-input";
import { pollUrl } from "@/lib/inputs/jobs/input-jobs";
import { INPUT_LIMITS, codeInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { startInputJob } from "@/lib/storyboards/input-job-board";
import { seedWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboard/code — seed 002: a code file → understanding + storyboard, as a job to poll
export const POST = route(async (request) => {
  const body = await readJson(request, codeInputSchema, Math.max(env().MAX_BODY_BYTES, INPUT_LIMITS.codeMaxChars * 4));
  const workspaceId = seedWorkspaceId(request);
  const deps = await appGenerationDeps();
  const id = await startInputJob(deps, {
    workspaceId,
    kind: "code",
    work: async () => {
      const { plan, request: planRequest, understanding, planner, model } = await planCodeInput(body, env());
      const storyboardId = await createStoryboard({ db: deps.db, workspaceId, request: planRequest, planned: { plan, planner, model }, sourceKind: "code" });
      return { understanding, storyboardId };
    },
  });
  return json({ job_id: id, status: "pending", poll_url: pollUrl(id) }, { status: 202 });
});
