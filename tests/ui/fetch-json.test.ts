import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchJson, toApiError } from "@/components/api/fetch-json";
import { issuesToFieldErrors } from "@/components/home/form-errors";
import { filenameFromDisposition } from "@/components/storyboard/download";

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  it("returns the body of a success", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ success: true, storyboard: { id: "b1" } })));
    await expect(fetchJson("/api/x")).resolves.toEqual({ success: true, storyboard: { id: "b1" } });
  });

  it("turns the error envelope into an ApiError with the server's message and issues", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          { success: false, error: { code: "INVALID_REQUEST", message: "Invalid request — prompt: the idea is empty.", issues: [{ path: "prompt", message: "the idea is empty" }] } },
          { status: 400 },
        ),
      ),
    );
    const e = await fetchJson("/api/x", { method: "POST", json: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: "INVALID_REQUEST", status: 400, message: "Invalid request — prompt: the idea is empty." });
    expect(issuesToFieldErrors((e as ApiError).issues)).toEqual({ prompt: "The idea is empty" });
  });

  it("reads Retry-After", () => {
    const e = toApiError(503, { success: false, error: { code: "RATE_LIMIT", message: "Slow down" } }, "", "12");
    expect(e.retryAfterSeconds).toBe(12);
  });

  it("explains a non-JSON failure", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" })));
    await expect(fetchJson("/api/x")).rejects.toMatchObject({ code: "INTERNAL_ERROR", status: 502, message: expect.stringContaining("502") });
  });

  it("explains an unreachable server", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("fetch failed"); }));
    await expect(fetchJson("/api/x")).rejects.toMatchObject({ code: "NETWORK_ERROR", status: 0 });
  });
});

describe("filenameFromDisposition", () => {
  it.each([
    [null, "fallback.pdf"],
    ['attachment; filename="lighthouse.pdf"', "lighthouse.pdf"],
    ["attachment; filename=lighthouse.zip", "lighthouse.zip"],
    ["attachment; filename=\"x.mp4\"; filename*=UTF-8''caf%C3%A9.mp4", "café.mp4"],
  ])("%s → %s", (header, name) => expect(filenameFromDisposition(header, "fallback.pdf")).toBe(name));
});
