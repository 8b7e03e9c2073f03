import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { deleteStoryboard, updateStoryboard } from "@/lib/storyboards/edit-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { storyboardVersion } from "@/lib/storyboards/storyboard-version";
import { idSchema, revisionFromIfMatch, storyboardPatchSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

type Ctx = RouteContext<"/api/storyboards/[id]">;

// GET /api/storyboards/:id — the storyboard with its scenes and frames (ETag = the live-sync version; 304 on If-None-Match)
export const GET = route(async (request, ctx: Ctx) => {
  const id = idSchema.parse((await ctx.params).id);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), id };
  // Taken before the read: a change landing in between makes the ETag older, never newer, than the body.
  const etag = `"${(await storyboardVersion(scope)).version}"`;
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": "private, no-cache" } });
  const storyboard = await getStoryboardDtoOrThrow(scope);
  return json({ success: true, storyboard }, { headers: { ETag: etag, "Cache-Control": "private, no-cache" } });
});

// PATCH /api/storyboards/:id — rename, style, aspect ratio, approve ({approved:true, force?}) / reopen; baseRevision / If-Match → 409 when stale
export const PATCH = route(async (request, ctx: Ctx) => {
  const id = idSchema.parse((await ctx.params).id);
  const patch = await readJson(request, storyboardPatchSchema, env().MAX_BODY_BYTES);
  const baseRevision = patch.baseRevision ?? revisionFromIfMatch(request.headers.get("if-match"));
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  await updateStoryboard({ db, workspaceId, id, patch: { ...patch, baseRevision } });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id });
  return json({ success: true, storyboard, revision: storyboard.revision });
});

// DELETE /api/storyboards/:id — soft delete: hidden at once, running predictions stopped; POST …/restore undoes it until the purge
export const DELETE = route(async (request, ctx: Ctx) => {
  const id = idSchema.parse((await ctx.params).id);
  await deleteStoryboard(await appGenerationDeps(), { workspaceId: currentWorkspaceId(request), id });
  return json({ success: true, restoreUrl: `/api/storyboards/${id}/restore` });
});
