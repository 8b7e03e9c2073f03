import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { cancelExportJob, toExportJobDto } from "@/lib/storyboards/export-jobs";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/animatic/:jobId/cancel — the same as DELETE, for clients that only POST
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/animatic/[jobId]/cancel">) => {
  const { id, jobId } = await ctx.params;
  const job = await cancelExportJob({ db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId: idSchema.parse(id), jobId: idSchema.parse(jobId), now: new Date() });
  return json({ success: true, job: await toExportJobDto(job, getStorage()) });
});
