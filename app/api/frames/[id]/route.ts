import { appGenerationDeps } from "@/lib/generation/app-deps";
import { pollFrame } from "@/lib/generation/poll-frame";
import { json, route } from "@/lib/http/respond";
import { frameInWorkspaceOrThrow, newestAttempt } from "@/lib/storyboards/frame-access";
import { idSchema } from "@/lib/storyboards/schemas";
import { toFrameDto } from "@/lib/storyboards/to-dto";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/frames/:id — poll one frame (follows retries to the newest attempt)
export const GET = route(async (request, ctx: RouteContext<"/api/frames/[id]">) => {
  const id = idSchema.parse((await ctx.params).id);
  const deps = await appGenerationDeps();
  const frame = await frameInWorkspaceOrThrow({ db: deps.db, workspaceId: currentWorkspaceId(request), id });
  const current = await pollFrame(deps, await newestAttempt(deps.db, frame));
  return json({ success: true, frame: await toFrameDto(current, deps.storage) });
});
