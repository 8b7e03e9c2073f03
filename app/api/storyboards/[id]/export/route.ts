import { getDb } from "@/lib/db/client";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { exportQuerySchema, exportStoryboardFile } from "@/lib/storyboards/export-file";
import { loadStoryboardOrThrow } from "@/lib/storyboards/load-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/export?format=pdf|zip|mp4|json&layout=…&captions=1 — a download of the storyboard
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/export">) => {
  const id = idSchema.parse((await ctx.params).id);
  const query = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const loaded = await loadStoryboardOrThrow({ db: await getDb(), workspaceId: currentWorkspaceId(request), id });
  const file = await exportStoryboardFile(loaded, getStorage(), query, request.signal);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.filename),
      "Cache-Control": "no-store",
      "X-Storyframe-Placeholders": String(file.placeholders),
    },
  });
});
