import { z } from "zod";
import { describe, expect, it } from "vitest";
import { readJson } from "@/lib/http/body";
import { AppError } from "@/lib/errors";
import { route, toErrorResponse } from "@/lib/http/respond";

const schema = z.object({ prompt: z.string().min(1) });
const handler = route(async (request: Request) => Response.json(await readJson(request, schema, 1024)));

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  handler(new Request("http://local.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit), {});

async function envelope(res: Response) {
  const body = (await res.json()) as { success: boolean; error: { code: string; message: string; issues?: unknown[] } };
  return { status: res.status, ...body };
}

describe("JSON bodies and the error envelope", () => {
  it("passes a valid body through", async () => {
    const res = await post(JSON.stringify({ prompt: "a fox" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ prompt: "a fox" });
  });

  it("answers malformed JSON with 400 INVALID_REQUEST", async () => {
    const e = await envelope(await post("{prompt: nope"));
    expect(e).toMatchObject({ status: 400, success: false, error: { code: "INVALID_REQUEST" } });
    expect(e.error.message).toMatch(/not valid JSON/);
  });

  it("answers an empty body with 400", async () => {
    expect((await envelope(await post(""))).status).toBe(400);
  });

  it("answers a wrong content type with 415", async () => {
    const e = await envelope(await post("prompt=x", { "content-type": "application/x-www-form-urlencoded" }));
    expect(e).toMatchObject({ status: 415, error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it("answers a missing content type with 415", async () => {
    expect((await envelope(await post(JSON.stringify({ prompt: "x" }), {}))).status).toBe(415);
  });

  it("answers an oversized body with 413, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ prompt: "x".repeat(5000) });
    const declared = await envelope(
      await post(big, { "content-type": "application/json", "content-length": String(big.length) }),
    );
    expect(declared).toMatchObject({ status: 413, error: { code: "PAYLOAD_TOO_LARGE" } });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    expect((await envelope(await post(stream))).status).toBe(413);
  });

  it("turns zod failures into INVALID_REQUEST with issues", async () => {
    const e = await envelope(await post(JSON.stringify({ prompt: "" })));
    expect(e.status).toBe(400);
    expect(e.error.code).toBe("INVALID_REQUEST");
    expect(e.error.issues).toEqual([expect.objectContaining({ path: "prompt" })]);
  });

  it("maps app errors to their status and adds Retry-After for rate limits", async () => {
    const res = toErrorResponse(new AppError("RATE_LIMIT", "Slow down", { retryAfterSeconds: 7 }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await envelope(toErrorResponse(new AppError("NOT_FOUND", "nope")))).status).toBe(404);
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const res = toErrorResponse(new Error("SQLITE_CONSTRAINT: secret internals at /srv/db"));
      const e = await envelope(res);
      expect(e.status).toBe(500);
      expect(e.error.code).toBe("INTERNAL_ERROR");
      expect(JSON.stringify(e)).not.toContain("SQLITE");
    } finally {
      console.error = original;
    }
  });
});
