import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { planIdea } from "@/lib/planner/plan-idea";
import { planRequestSchema } from "@/lib/planner/schema";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { listQuerySchema, listStoryboards } from "@/lib/storyboards/list-storyboards";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards — plan an idea and save it as a storyboard
export const POST = route(async (request) => {
  const body = await readJson(request, planRequestSchema, env().MAX_BODY_BYTES);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const planned = await planIdea(body, env(), request.signal);
  const id = await createStoryboard({ db, workspaceId, request: body, planned, sourceKind: "idea" });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json({ success: true, storyboard }, { status: 201, headers: { Location: `/api/storyboards/${id}` } });
});

// GET /api/storyboards — newest first, paginated by cursor
export const GET = route(async (request) => {
  const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listStoryboards({ db: await getDb(), workspaceId: currentWorkspaceId(request), ...query });
  return json({ success: true, ...result });
});
