import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { planCodeInput } from "@/lib/inputs/code/plan-code-input";
import { INPUT_LIMITS, codeInputSchema } from "@/lib/inputs/schemas";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/from-code — a code file becomes an understanding and a short explainer storyboard
export const POST = route(async (request) => {
  const body = await readJson(request, codeInputSchema, Math.max(env().MAX_BODY_BYTES, INPUT_LIMITS.codeMaxChars * 4));
  const { plan, request: planRequest, understanding, planner, model } = await planCodeInput(body, env());
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await createStoryboard({ db, workspaceId, request: planRequest, planned: { plan, planner, model }, sourceKind: "code" });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json({ success: true, understanding, storyboard }, { status: 201, headers: { Location: `/api/storyboards/${id}` } });
});
