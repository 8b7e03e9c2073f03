import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { startAnimaticJob, toExportJobDto } from "@/lib/storyboards/export-jobs";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

const querySchema = z.object({ captions: z.enum(["0", "1"]).default("0") });

// The render runs in after() for as long as EXPORT_TIMEOUT_MS allows (300 s by default).
export const maxDuration = 300;

// POST /api/storyboards/:id/animatic?captions=1 — record an MP4 render job and answer 202 {jobId, pollUrl}; it renders off the request
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/animatic">) => {
  const id = idSchema.parse((await ctx.params).id);
  const { captions } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const storage = getStorage();
  const job = await startAnimaticJob({ db: await getDb(), storage, workspaceId: currentWorkspaceId(request), storyboardId: id, captions: captions === "1", now: new Date() });
  const dto = await toExportJobDto(job, storage);
  return json({ success: true, jobId: dto.id, status: dto.status, pollUrl: dto.pollUrl, job: dto }, { status: 202, headers: { Location: dto.pollUrl } });
});
