import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { planIdea } from "@/lib/planner/plan-idea";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { seedScenes, seedStoryboardSchema } from "@/lib/storyboards/seed-api";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboard — seed-compatible: plan scenes (5 by default) and persist them
export const POST = route(async (request) => {
  const body = await readJson(request, seedStoryboardSchema, env().MAX_BODY_BYTES);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const planned = await planIdea(body, env(), request.signal);
  const id = await createStoryboard({ db, workspaceId, request: body, planned, sourceKind: "seed-api" });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json({
    success: true,
    storyboardId: id,
    projectId: id,
    title: storyboard.title,
    totalDuration: storyboard.totalDuration,
    scenes: seedScenes(storyboard),
  });
});
