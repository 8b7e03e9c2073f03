import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { cancelExportJob, exportJobOrThrow, toExportJobDto } from "@/lib/storyboards/export-jobs";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/animatic/:jobId — the render job: status, progress, the MP4's URL when done
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/animatic/[jobId]">) => {
  const { id, jobId } = await ctx.params;
  const job = await exportJobOrThrow({ db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId: idSchema.parse(id), jobId: idSchema.parse(jobId) });
  return json({ success: true, job: await toExportJobDto(job, getStorage()) });
});

// DELETE /api/storyboards/:id/animatic/:jobId — cancel the render (ffmpeg is stopped); a finished job is left as it is
export const DELETE = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/animatic/[jobId]">) => {
  const { id, jobId } = await ctx.params;
  const job = await cancelExportJob({ db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId: idSchema.parse(id), jobId: idSchema.parse(jobId), now: new Date() });
  return json({ success: true, job: await toExportJobDto(job, getStorage()) });
});
