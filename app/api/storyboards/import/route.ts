import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readJsonBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { importStoryboard } from "@/lib/storyboards/import-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/import — recreate a storyboard from its JSON export (bad or foreign JSON → 400 with issues)
export const POST = route(async (request) => {
  const file = await readJsonBody(request, Math.max(env().MAX_BODY_BYTES, 2 * 1024 * 1024));
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await importStoryboard({ db, workspaceId, file });
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ db, workspaceId, id }) }, { status: 201 });
});
