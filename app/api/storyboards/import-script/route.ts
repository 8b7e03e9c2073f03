import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { INPUT_LIMITS, scriptImportSchema } from "@/lib/inputs/schemas";
import { planScript } from "@/lib/inputs/script/plan-script";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/import-script — a Fountain or FDX screenplay becomes a storyboard, one scene per slugline
export const POST = route(async (request) => {
  const body = await readJson(request, scriptImportSchema, Math.max(env().MAX_BODY_BYTES, INPUT_LIMITS.scriptMaxChars * 4));
  const { plan, request: planRequest, parsed } = planScript(body);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await createStoryboard({
    db,
    workspaceId,
    request: planRequest,
    planned: { plan, planner: "embedded", model: null },
    sourceKind: "script",
  });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json(
    { success: true, storyboard, script: { format: parsed.format, scenes: parsed.scenes.length, cast: parsed.cast } },
    { status: 201, headers: { Location: `/api/storyboards/${id}` } },
  );
});
