import { serveStoredFile } from "@/lib/storage/serve-file";
import { route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";

// GET /api/files/:key* — stored frames on local disk, with ETag and immutable caching
export const GET = route(async (request, ctx: RouteContext<"/api/files/[...key]">) => {
  const { key } = await ctx.params;
  return serveStoredFile(request, getStorage(), key);
});
