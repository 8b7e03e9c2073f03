import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { gpuJobStore } from "@/lib/db/queries/gpu-jobs";
import { applyGpuCallback, resolveResultUrl } from "@/lib/providers/gpu-service/apply-callback";
import { memoryGpuJobStore } from "@/lib/providers/gpu-service/job-store";
import { GpuServiceProvider, parseGpuPredictionId } from "@/lib/providers/gpu-service/provider";
import { gpuDownloadPolicy } from "@/lib/providers/gpu-service/entry";
import { parseEnv } from "@/lib/config/env";
import { ProviderError, type ImageInput } from "@/lib/providers/types";
import { call, useTempAppEnv } from "../helpers/app-env";
import { tempDatabase } from "../helpers/db";
import { fakePng, GPU, gpuHandlers, newFakeState } from "../helpers/provider-fakes";

// Seed 000's protocol end to end below the app: a whole-board job, callbacks moving it, each
// frame reading its own result, and the callback route on a real libSQL file.

const state = newFakeState();
const server = setupServer();
const NOW = new Date("2026-12-03T09:00:00Z");

const frame = (prompt: string): ImageInput => ({
  prompt,
  aspectRatio: "16:9",
  seed: 7,
  outputFormat: "png",
  referenceImageUrl: null,
  scene: null,
  webhookUrl: null,
});

const config = parseEnv({ GPU_SERVICE_URL: GPU, PUBLIC_BASE_URL: "https://studio.example.com" });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  Object.assign(state, newFakeState());
  server.use(...gpuHandlers(state));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function provider(store = memoryGpuJobStore()) {
  return {
    store,
    gpu: new GpuServiceProvider({ baseUrl: GPU, callbackUrl: "https://studio.example.com/api/v1", store, download: gpuDownloadPolicy(config), now: () => NOW }),
  };
}

describe("GPU service: one job per board, results attached to frames in order", () => {
  it("POSTs seed 000's body with our per-frame prompts, and each frame reads its own result", async () => {
    const { store, gpu } = provider();
    const predictions = await gpu.startBoard({ prompt: "a lighthouse story", frames: [frame("wide shot"), frame("close up"), frame("insert")] });
    expect(predictions.map((p) => p.status)).toEqual(["starting", "starting", "starting"]);
    const sent = state.creates[0]!.body as Record<string, unknown>;
    const { jobId } = parseGpuPredictionId(predictions[0]!.id)!;
    expect(sent).toEqual({ job_id: jobId, prompt: "a lighthouse story", num_frames: 3, callback_url: "https://studio.example.com/api/v1", prompts: ["wide shot", "close up", "insert"] });
    expect(predictions.map((p) => parseGpuPredictionId(p.id)!.index)).toEqual([0, 1, 2]);

    await applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body: { status: "processing", progress: 60 }, now: NOW });
    expect((await gpu.get(predictions[1]!.id)).progress).toBeCloseTo(0.6);
    // progress never goes back
    await applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body: { status: "processing", progress: 20 }, now: NOW });
    expect((await store.get(jobId))!.progress).toBe(60);

    const urls = ["/images/run_9/frame_01.png", "/images/run_9/frame_02.png", `${GPU}/images/run_9/frame_03.png`];
    await applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body: { status: "completed", progress: 100, result_urls: urls }, now: NOW });
    const done = await Promise.all(predictions.map((p) => gpu.get(p.id)));
    expect(done.map((p) => p.output[0])).toEqual([`${GPU}/images/run_9/frame_01.png`, `${GPU}/images/run_9/frame_02.png`, `${GPU}/images/run_9/frame_03.png`]);
    const bytes = await gpu.fetchOutput(done[2]!.output[0]!);
    expect(bytes.equals(await fakePng())).toBe(true);
  });

  it("a callback whose text carries a NUL or control character is refused (400) and moves nothing", async () => {
    const { store, gpu } = provider();
    const [p] = await gpu.startBoard({ prompt: "a lighthouse story", frames: [frame("wide shot")] });
    const { jobId } = parseGpuPredictionId(p!.id)!;
    for (const body of [
      { status: "failed", error_message: "out of memory\u0000 and more" },
      { status: "completed", result_urls: ["/images/run_1/frame\u001b_01.png"] },
    ]) {
      const e = await applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body, now: NOW }).catch((err: unknown) => err);
      expect(e).toMatchObject({ name: "ZodError" });
    }
    expect((await store.get(jobId))!.status).not.toMatch(/failed|completed/);
  });

  it("a board answered with fewer images than frames fails only the missing frames, retryably", async () => {
    const { store, gpu } = provider();
    const predictions = await gpu.startBoard({ prompt: "p", frames: [frame("a"), frame("b")] });
    const { jobId } = parseGpuPredictionId(predictions[0]!.id)!;
    await applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body: { status: "completed", result_urls: ["/images/r/1.png"] }, now: NOW });
    expect((await gpu.get(predictions[0]!.id)).status).toBe("succeeded");
    expect((await gpu.get(predictions[1]!.id)).error).toMatchObject({ code: "INVALID_OUTPUT", retryable: true });
  });

  it("only a job in flight moves: a repeat of the finishing callback is fine, a change is a CONFLICT", async () => {
    const { store, gpu } = provider();
    const [p] = await gpu.startBoard({ prompt: "p", frames: [frame("a")] });
    const { jobId } = parseGpuPredictionId(p!.id)!;
    const send = (body: unknown) => applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body, now: NOW });
    await send({ status: "completed", result_urls: ["/images/r/1.png"] });
    await expect(send({ status: "completed", result_urls: ["/images/r/1.png"] })).resolves.toMatchObject({ status: "completed" });
    await expect(send({ status: "processing", progress: 10 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(send({ status: "failed", error_message: "late" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await store.get(jobId))!.resultUrls).toEqual([`${GPU}/images/r/1.png`]);
  });

  it("results are taken only from the service's own host", () => {
    expect(resolveResultUrl("/images/a.png", GPU)).toBe(`${GPU}/images/a.png`);
    for (const bad of ["https://evil.example/a.png", "http://gpu.lan:9999/a.png", "http://169.254.169.254/latest/meta-data", "//evil.example/a.png", "file:///etc/passwd"]) {
      expect(() => resolveResultUrl(bad, GPU), bad).toThrow(/own host|valid URL/);
    }
  });

  it("refuses to download from anywhere but the service, even an allow-listed host", async () => {
    const { gpu } = provider();
    await expect(gpu.fetchOutput("https://replicate.delivery/xezq/a/out-0.png")).rejects.toBeInstanceOf(ProviderError);
    await expect(gpu.fetchOutput("http://10.0.0.5:8000/images/a.png")).rejects.toMatchObject({ failure: { code: "DOWNLOAD_BLOCKED" } });
  });

  it("a refused POST /generate closes the job so no callback can move it", async () => {
    const { store, gpu } = provider();
    state.fault = { on: "create", kind: "bad-request" };
    await expect(gpu.startBoard({ prompt: "p", frames: [frame("a")] })).rejects.toMatchObject({ failure: { retryable: false } });
    const [job] = [...store.jobs.values()];
    expect(job).toMatchObject({ status: "failed" });
  });

  it("the libSQL store applies the same rules (a conditional update)", async () => {
    const { db } = await tempDatabase();
    const { store, gpu } = provider(gpuJobStore(db) as ReturnType<typeof memoryGpuJobStore>);
    const [p] = await gpu.startBoard({ prompt: "p", frames: [frame("a")] });
    const { jobId } = parseGpuPredictionId(p!.id)!;
    const send = (body: unknown) => applyGpuCallback({ store, serviceUrl: GPU, secret: undefined, jobId, authorization: null, body, now: NOW });
    // two different finishing callbacks at once: exactly one wins
    const results = await Promise.allSettled([send({ status: "completed", result_urls: ["/images/r/1.png"] }), send({ status: "failed", error_message: "x" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(["completed", "failed"]).toContain((await store.get(jobId))!.status);
  });
});

describe("PATCH /api/v1/jobs/:jobId", () => {
  beforeAll(async () => {
    await useTempAppEnv({ GPU_SERVICE_URL: GPU, GPU_SERVICE_SECRET: "s3cret-for-callbacks", PUBLIC_BASE_URL: "https://studio.example.com" });
  });
  afterAll(() => {
    for (const k of ["GPU_SERVICE_URL", "GPU_SERVICE_SECRET", "PUBLIC_BASE_URL"]) delete process.env[k];
    resetEnvForTests();
  });

  async function job() {
    const store = gpuJobStore(await getDb());
    const gpu = new GpuServiceProvider({ baseUrl: GPU, callbackUrl: "https://studio.example.com/api/v1", store, download: gpuDownloadPolicy(config) });
    const [p] = await gpu.startBoard({ prompt: "p", frames: [frame("a")] });
    return { store, jobId: parseGpuPredictionId(p!.id)!.jobId };
  }

  it("moves a job with the bearer secret, refuses without it, and answers 4xx for bad input", async () => {
    const { PATCH } = await import("@/app/api/v1/jobs/[jobId]/route");
    const { store, jobId } = await job();
    const patch = (body: unknown, headers: Record<string, string> = { authorization: "Bearer s3cret-for-callbacks" }, id = jobId) =>
      call(PATCH, { method: "PATCH", url: `http://127.0.0.1:3000/api/v1/jobs/${id}`, params: { jobId: id }, body, headers });

    expect((await patch({ status: "processing", progress: 30 }, {})).status).toBe(401);
    expect((await patch({ status: "processing", progress: 30 }, { authorization: "Bearer nope" })).status).toBe(401);

    const ok = await patch({ status: "processing", progress: 30 });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ success: true, job: { id: jobId, status: "processing", progress: 30 } });

    const bad = await patch({ status: "exploded" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("INVALID_REQUEST");
    expect((await patch({ status: "completed", result_urls: ["https://elsewhere.example/x.png"] })).status).toBe(400);
    expect((await patch("not json", { authorization: "Bearer s3cret-for-callbacks", "content-type": "application/json" })).status).toBe(400);
    expect((await patch({ status: "processing" }, undefined, "gpu_0123456789abcdef0123456789abcdef")).status).toBe(404);
    expect((await patch({ status: "processing" }, undefined, "../../etc")).status).toBe(404);

    const done = await patch({ status: "completed", progress: 100, result_urls: ["/images/run/frame_01.png"] });
    expect(done.status).toBe(200);
    expect((await store.get(jobId))!.resultUrls).toEqual([`${GPU}/images/run/frame_01.png`]);
    expect((await patch({ status: "failed", error_message: "late" })).status).toBe(409);
  });
});
