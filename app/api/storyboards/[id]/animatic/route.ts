import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import type { AnimaticEvent } from "@/lib/export/animatic-events";
import { renderAndStoreAnimatic } from "@/lib/storyboards/animatic";
import { loadStoryboardOrThrow } from "@/lib/storyboards/load-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

const querySchema = z.object({ captions: z.enum(["0", "1"]).default("0") });

// POST /api/storyboards/:id/animatic?captions=1 — render the MP4, streaming NDJSON progress, then its URL
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/animatic">) => {
  const id = idSchema.parse((await ctx.params).id);
  const { captions } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const loaded = await loadStoryboardOrThrow({ db: await getDb(), workspaceId: currentWorkspaceId(request), id });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: AnimaticEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        await renderAndStoreAnimatic(loaded, getStorage(), { captions: captions === "1", signal: request.signal, onEvent: send });
      } catch (e) {
        if (!isAppError(e)) console.error("Animatic failed", e);
        send({
          type: "error",
          error: isAppError(e) ? { code: e.code, message: e.message } : { code: "EXPORT_FAILED", message: "The animatic could not be rendered." },
        });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
});
