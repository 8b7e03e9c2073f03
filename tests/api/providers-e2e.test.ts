import { existsSync } from "node:fs";
import path from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { call, useTempAppEnv } from "../helpers/app-env";
import {
  comfyHandlers,
  falHandlers,
  falSigner,
  GPU,
  gpuHandlers,
  newFakeState,
  openaiImagesHandlers,
  replicateHandlers,
  type FakeState,
} from "../helpers/provider-fakes";

// One storyboard per adapter through the real routes: POST /api/storyboards → POST …/generate with
// `provider` → polls of GET …/status (or, for the GPU service, its PATCH callbacks) → every frame
// stored in the app's storage, recorded with the provider it was drawn with. All five providers
// are configured at once, as an operator may; the msw stand-ins are tests/helpers/provider-fakes.ts.

// The routes build their pipeline with the real appGenerationDeps(); here its clock runs ahead by
// an offset the test moves (so a poll finds a frame due), and background work only starts frames.
const control = vi.hoisted(() => ({ offsetMs: 0 }));
vi.mock("@/lib/generation/app-deps", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/generation/app-deps")>();
  return {
    ...real,
    appGenerationDeps: async () => ({ ...(await real.appGenerationDeps()), now: () => new Date(Date.now() + control.offsetMs), followUpMs: 0 }),
  };
});

const GPU_SECRET = "e2e-gpu-callback-secret";
const state: FakeState = newFakeState();
const signer = falSigner();
const server = setupServer(
  ...replicateHandlers(state),
  ...falHandlers(state, [signer.jwk]),
  ...comfyHandlers(state),
  ...openaiImagesHandlers(state),
  ...gpuHandlers(state),
);
let storageDir: string;

beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv({
    REPLICATE_API_TOKEN: "r8_e2e_test_token_000000000000000000000",
    REPLICATE_SYNC_WAIT_SECONDS: "0",
    FAL_KEY: "fal-key-id:fal-key-secret",
    COMFYUI_URL: "http://comfy.lan:8188",
    OPENAI_IMAGES_API_KEY: "sk-e2e-test-key-0000",
    GPU_SERVICE_URL: GPU,
    GPU_SERVICE_SECRET: GPU_SECRET,
    // Not https: no webhooks, so hosted providers are followed by polls; the GPU service calls back here.
    PUBLIC_BASE_URL: "http://studio.example.com",
    IMAGE_PROVIDER: "sketch",
  }));
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  state.creates.length = 0;
  state.downloads.length = 0;
  state.outcome = "url";
});
afterAll(() => server.close());

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  providers: (await import("@/app/api/providers/route")).GET,
  gpuCallback: (await import("@/app/api/v1/jobs/[jobId]/route")).PATCH,
  webhook: (await import("@/app/api/webhooks/[provider]/route")).POST,
});

const FRAMES = 3;

async function createStoryboard(): Promise<{ id: string; scenes: { id: string; imagePrompt: string }[] }> {
  const res = await call((await routes()).create, {
    method: "POST",
    body: { prompt: "A lighthouse keeper climbs the spiral stairs at dusk to light the lamp", frameCount: FRAMES, aspectRatio: "16:9" },
  });
  expect(res.status).toBe(201);
  return res.body.storyboard;
}

const framesOf = async (storyboardId: string) => listFramesByStoryboard({ db: await (await import("@/lib/db/client")).getDb(), storyboardId });

/** Polls the status route, the clock a minute further each time, until nothing is in flight. */
async function pollUntilSettled(storyboardId: string, want = FRAMES) {
  const { status } = await routes();
  for (let i = 0; i < 12; i++) {
    control.offsetMs += 60_000;
    const res = await call(status, { params: { id: storyboardId } });
    expect(res.status).toBe(200);
    const frames = await framesOf(storyboardId);
    if (frames.filter((f) => f.status === "succeeded").length >= want) return;
    if (frames.length >= want && frames.every((f) => f.status === "succeeded" || f.status === "failed" || f.status === "canceled")) return;
  }
}

async function expectEveryFrameStored(storyboardId: string, providerId: string) {
  const frames = await framesOf(storyboardId);
  expect(frames).toHaveLength(FRAMES);
  for (const f of frames) {
    expect({ status: f.status, provider: f.provider, error: f.errorCode }).toEqual({ status: "succeeded", provider: providerId, error: null });
    for (const key of [f.originalKey, f.displayKey, f.thumbnailKey]) {
      expect(key).toBeTruthy();
      expect(existsSync(path.join(storageDir, key!))).toBe(true);
    }
    expect(f.width).toBeGreaterThan(0);
  }
  expect(new Set(frames.map((f) => f.sceneId)).size).toBe(FRAMES);
  return frames;
}

describe("GET /api/providers", () => {
  it("lists every configured provider with its models, the active one first", async () => {
    const res = await call((await routes()).providers);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe("sketch");
    const ids = res.body.providers.map((p: { id: string }) => p.id);
    expect(ids[0]).toBe("sketch");
    expect([...ids].sort()).toEqual(["comfyui", "fal", "gpu-service", "openai-images", "replicate", "sketch"]);
    const fal = res.body.providers.find((p: { id: string }) => p.id === "fal");
    expect(fal.models.map((m: { key: string }) => m.key)).toContain("flux-schnell");
    expect(JSON.stringify(res.body)).not.toContain("fal-key-secret");
  });
});

describe("POST …/generate with a provider", () => {
  it("an unknown provider is a 400 naming the configured ones; nothing is queued", async () => {
    const sb = await createStoryboard();
    const res = await call((await routes()).generate, { method: "POST", params: { id: sb.id }, body: { provider: "midjourney" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("midjourney");
    expect(res.body.error.message).toContain("gpu-service");
    expect(await framesOf(sb.id)).toHaveLength(0);
    expect(state.creates).toHaveLength(0);
  });

  for (const providerId of ["replicate", "fal", "comfyui"]) {
    it(`${providerId}: every frame is created upstream, polled to success and stored`, async () => {
      const sb = await createStoryboard();
      const res = await call((await routes()).generate, { method: "POST", params: { id: sb.id }, body: { provider: providerId } });
      expect(res.status).toBe(202);
      expect(res.body.frames).toHaveLength(FRAMES);
      expect(state.creates).toHaveLength(FRAMES);
      await pollUntilSettled(sb.id);
      await expectEveryFrameStored(sb.id, providerId);
      expect(state.downloads).toHaveLength(FRAMES);
    });
  }

  it("openai-images: the synchronous draw runs after the answer, the inline bytes are stored without a poll", async () => {
    state.outcome = "inline";
    const sb = await createStoryboard();
    const res = await call((await routes()).generate, { method: "POST", params: { id: sb.id }, body: { provider: "openai-images" } });
    expect(res.status).toBe(202);
    // The answer left before any draw: frames were queued, not started, in the request.
    expect(res.body.frames.map((f: { status: string; predictionId: string | null }) => [f.status, f.predictionId])).toEqual(
      Array.from({ length: FRAMES }, () => ["queued", null]),
    );
    expect(state.creates).toHaveLength(FRAMES);
    const frames = await expectEveryFrameStored(sb.id, "openai-images");
    // The multi-MB data: URL is never persisted on the row.
    expect(frames.every((f) => !JSON.stringify(f).includes("data:image"))).toBe(true);
  });

  it("openai-images: a transient failure is retried by a later poll, the draw again off the request, then stored", async () => {
    state.outcome = "failed-transient";
    const sb = await createStoryboard();
    const r = await routes();
    const res = await call(r.generate, { method: "POST", params: { id: sb.id }, body: { provider: "openai-images", sceneIds: [sb.scenes[0]!.id] } });
    expect(res.status).toBe(202);
    const [failed] = await framesOf(sb.id);
    expect({ status: failed!.status, retryDue: failed!.nextAttemptAt !== null }).toEqual({ status: "failed", retryDue: true });
    state.outcome = "inline";
    await pollUntilSettled(sb.id, 1);
    const frames = await framesOf(sb.id);
    expect(frames.map((f) => [f.attempt, f.status])).toEqual([
      [1, "failed"],
      [2, "succeeded"],
    ]);
    expect(state.creates).toHaveLength(2);
  });

  it("gpu-service: one job for the whole board, its callbacks finish every frame in scene order", async () => {
    const sb = await createStoryboard();
    const r = await routes();
    const res = await call(r.generate, { method: "POST", params: { id: sb.id }, body: { provider: "gpu-service" } });
    expect(res.status).toBe(202);
    expect(state.creates).toHaveLength(1);
    const body = state.creates[0]!.body as { job_id: string; num_frames: number; prompts: string[]; callback_url: string; prompt: string };
    expect(body.num_frames).toBe(FRAMES);
    expect(body.callback_url).toBe("http://studio.example.com/api/v1");
    const ordered = [...sb.scenes];
    expect(body.prompts).toHaveLength(FRAMES);
    expect(body.prompts[0]).toContain(ordered[0]!.imagePrompt.slice(0, 20));

    const patch = (json: unknown, authorization = `Bearer ${GPU_SECRET}`) =>
      call(r.gpuCallback, { method: "PATCH", params: { jobId: body.job_id }, body: json, headers: { authorization } });
    expect((await patch({ status: "processing", progress: 40 }, "Bearer wrong")).status).toBe(401);
    expect((await patch({ status: "processing", progress: 40 })).status).toBe(200);
    expect((await framesOf(sb.id)).every((f) => f.status === "processing")).toBe(true);
    const done = await patch({ status: "completed", progress: 100, result_urls: [1, 2, 3].map((i) => `/images/run_9/frame_0${i}.png`) });
    expect(done.status).toBe(200);

    // No poll: the callback alone moved and stored every frame.
    const frames = await expectEveryFrameStored(sb.id, "gpu-service");
    expect(state.downloads.sort()).toEqual([1, 2, 3].map((i) => `${GPU}/images/run_9/frame_0${i}.png`));
    const { scenes } = sb;
    const byScene = new Map(frames.map((f) => [f.sceneId, f.predictionId]));
    expect(scenes.map((s) => byScene.get(s.id))).toEqual([0, 1, 2].map((i) => `${body.job_id}.${i}`));
  });

  it("fal: a signed delivery to POST /api/webhooks/fal finishes its frame without a poll; a replay changes nothing", async () => {
    const sb = await createStoryboard();
    const r = await routes();
    const res = await call(r.generate, { method: "POST", params: { id: sb.id }, body: { provider: "fal", sceneIds: [sb.scenes[0]!.id] } });
    expect(res.status).toBe(202);
    const predictionId = res.body.frames[0].predictionId as string;
    expect(predictionId).toBeTruthy();
    const raw = JSON.stringify({
      request_id: predictionId,
      gateway_request_id: predictionId,
      status: "OK",
      payload: { images: [{ url: `https://v3.fal.media/files/monkey/${predictionId}.png` }], seed: 1 },
    });
    const headers = { ...signer.sign(raw, Math.floor(Date.now() / 1000), predictionId), "content-type": "application/json" };
    const tampered = raw.replace("monkey", "donkey");
    expect((await call(r.webhook, { method: "POST", params: { provider: "fal" }, body: tampered, headers })).status).toBe(401);
    const delivered = await call(r.webhook, { method: "POST", params: { provider: "fal" }, body: raw, headers });
    expect(delivered.status).toBe(200);
    const [frame] = await framesOf(sb.id);
    expect({ status: frame!.status, provider: frame!.provider }).toEqual({ status: "succeeded", provider: "fal" });
    expect(existsSync(path.join(storageDir, frame!.originalKey!))).toBe(true);
    const replay = await call(r.webhook, { method: "POST", params: { provider: "fal" }, body: raw, headers });
    expect(replay.body.duplicate).toBe(true);
    expect(state.downloads).toHaveLength(1);
  });

  it("webhooks for a provider that does not exist or signs none are 404s", async () => {
    const { webhook } = await routes();
    expect((await call(webhook, { method: "POST", params: { provider: "midjourney" }, body: "{}" })).status).toBe(404);
    expect((await call(webhook, { method: "POST", params: { provider: "comfyui" }, body: "{}" })).status).toBe(404);
  });
});

describe("chooseProvider", () => {
  it("a known provider that is not configured is a 400 listing the configured ones", async () => {
    const { chooseProvider } = await import("@/lib/storyboards/choose-provider");
    const { parseEnv } = await import("@/lib/config/env");
    const config = parseEnv({ FAL_KEY: "k:s" });
    expect(() => chooseProvider("comfyui", config)).toThrow(/"comfyui" is not configured here\. Configured providers: sketch, fal\./);
    expect(chooseProvider("fal", config).id).toBe("fal");
    expect(chooseProvider(undefined, config).id).toBe("sketch");
    // Configured but unable to draw (no PUBLIC_BASE_URL for the service to call back to): also a 400.
    expect(() => chooseProvider("gpu-service", parseEnv({ GPU_SERVICE_URL: GPU }))).toThrow(/cannot draw here.*PUBLIC_BASE_URL/);
  });
});
