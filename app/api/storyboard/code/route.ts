import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { planCode } from "@/lib/inputs/code/understand-code";
import { pollUrl, runInputJob } from "@/lib/inputs/jobs/input-jobs";
import { INPUT_LIMITS, codeInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboard/code — seed 002: a code file → understanding + storyboard, as a job to poll
export const POST = route(async (request) => {
  const body = await readJson(request, codeInputSchema, Math.max(env().MAX_BODY_BYTES, INPUT_LIMITS.codeMaxChars * 4));
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await runInputJob({
    db,
    workspaceId,
    kind: "code",
    work: async () => {
      const { plan, request: planRequest, understanding } = planCode(body);
      const storyboardId = await createStoryboard({ db, workspaceId, request: planRequest, planned: { plan, planner: "embedded", model: null }, sourceKind: "code" });
      return { understanding, storyboardId };
    },
  });
  return json({ job_id: id, status: "pending", poll_url: pollUrl(id) }, { status: 202 });
});
