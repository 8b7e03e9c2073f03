import type { z } from "zod";
import { AppError } from "@/lib/errors";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body with the checks every JSON route needs: the content type, a byte limit
 * enforced while streaming (Content-Length may be absent or lie), and JSON syntax — each a 4xx.
 */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim())) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readTextBody(request, maxBytes);
  if (text.trim() === "") throw new AppError("INVALID_REQUEST", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_REQUEST", "The request body is not valid JSON.");
  }
}

/**
 * The raw body as text, refused with 413 as soon as it passes `maxBytes` while streaming:
 * Content-Length may be absent or lie, and buffering first lets one request fill the memory.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  return (await readBytesBody(request, maxBytes)).toString("utf8");
}

/** The raw body as bytes (an uploaded image, a ZIP), with the same streaming 413 as readTextBody. */
export async function readBytesBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** readJsonBody + zod: the parsed, typed body or a 4xx. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.output<S>> {
  return schema.parse(await readJsonBody(request, maxBytes));
}

/** Like readJson, but an absent body (no content, no type) counts as `{}`. */
export async function readOptionalJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const hasBody = request.headers.get("content-type") || Number(request.headers.get("content-length") ?? 0) > 0;
  return schema.parse(hasBody ? await readJsonBody(request, maxBytes) : {});
}

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}
