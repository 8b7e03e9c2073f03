import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readBytesBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { importBodyLimit, importFileOf, importStoryboard } from "@/lib/storyboards/import-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/import — a copy "… (imported)" from a JSON export (application/json) or a bundle with its frames (application/zip); bad files → 4xx
export const POST = route(async (request) => {
  const type = request.headers.get("content-type") ?? "";
  const limit = importBodyLimit(type, Math.max(env().MAX_BODY_BYTES, 2 * 1024 * 1024));
  const file = importFileOf(await readBytesBody(request, limit), type);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const id = await importStoryboard({ db, storage: getStorage(), workspaceId, file });
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ db, workspaceId, id }) }, { status: 201, headers: { Location: `/api/storyboards/${id}` } });
});
