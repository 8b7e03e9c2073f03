import "server-only";
import { AppError } from "@/lib/errors";
import { isImmutableKey, keyProblem } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";

/** Serves a stored object with its type, ETag and caching; 400 for a bad key, 404 when absent. */
export async function serveStoredFile(request: Request, storage: Storage, segments: string[]): Promise<Response> {
  const key = segments.join("/");
  const problem = keyProblem(key);
  if (problem) throw new AppError("INVALID_REQUEST", `Invalid file path: ${problem}.`);
  if (storage.driver !== "local") {
    return Response.redirect(await storage.url(key), 302);
  }
  const file = await storage.stream(key);
  if (!file) throw new AppError("NOT_FOUND", "No file at this path.");
  const headers = new Headers({
    "Content-Type": file.contentType,
    ETag: file.etag,
    "Cache-Control": isImmutableKey(key) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    "X-Content-Type-Options": "nosniff",
  });
  if (request.headers.get("if-none-match") === file.etag) {
    await file.stream.cancel();
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(file.size));
  return new Response(request.method === "HEAD" ? null : file.stream, { status: 200, headers });
}
