import { setupServer } from "msw/node";
import type { RequestHandler } from "msw";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv, type Env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { parseOutputRef } from "@/lib/providers/output-ref";
import { createProvider } from "@/lib/providers/registry";
import { applyGpuCallback } from "@/lib/providers/gpu-service/apply-callback";
import { memoryGpuJobStore, type GpuJobStore } from "@/lib/providers/gpu-service/job-store";
import { parseGpuPredictionId } from "@/lib/providers/gpu-service/provider";
import { ProviderError, type ImageInput, type ImageProvider, type Prediction, type ProviderFailure } from "@/lib/providers/types";
import { createHmac } from "node:crypto";
import {
  comfyHandlers,
  falHandlers,
  falSigner,
  fakePng,
  gpuHandlers,
  GPU,
  newFakeState,
  openaiImagesHandlers,
  replicateHandlers,
  type FakeState,
} from "../helpers/provider-fakes";

// One suite every adapter passes: create, poll (or callback) to success with a URL and with
// inline bytes, retryable and permanent failures, cancel, and webhook signatures — the same
// assertions for Replicate, fal, ComfyUI, OpenAI-compatible images and the GPU-service protocol,
// each against its msw stand-in. Providers are built through the registry from an env, so the
// wiring (download policies, trusted origins) is what runs in the app.

const state: FakeState = newFakeState();
const signer = falSigner();
const server = setupServer();
const NOW = new Date("2026-12-03T09:00:00Z");
const GPU_SECRET = "gpu-callback-secret";

const input: ImageInput = {
  prompt: "a lighthouse keeper climbs the spiral stairs at dusk",
  aspectRatio: "16:9",
  seed: 1234,
  outputFormat: "png",
  referenceImageUrl: null,
  scene: null,
  webhookUrl: "https://studio.example.com/api/webhooks/test",
};

type Harness = {
  id: string;
  env: Record<string, string>;
  handlers: () => RequestHandler[];
  /** Answers inline bytes (data: URLs) for some outcome. */
  inline: boolean;
  /** start() is already terminal (synchronous API). */
  sync: boolean;
  /** The adapter polls upstream (false: state comes by callback, so there is no poll to fault). */
  polls: boolean;
  /** Callback providers: deliver the scripted outcome the way the service would. */
  deliver?: (p: Prediction, store: GpuJobStore) => Promise<void>;
  /** Signed webhook deliveries (providers that sign theirs). */
  webhook?: { signed: (body: string) => Record<string, string>; body: (id: string) => unknown };
};

const gpuDeliver = async (p: Prediction, store: GpuJobStore) => {
  const { jobId } = parseGpuPredictionId(p.id)!;
  const send = (body: unknown) =>
    applyGpuCallback({ store, serviceUrl: GPU, secret: GPU_SECRET, jobId, authorization: `Bearer ${GPU_SECRET}`, body, now: NOW });
  await send({ status: "processing", progress: 40 });
  if (state.outcome === "url") await send({ status: "completed", progress: 100, result_urls: ["/images/run_1/frame_01.png"] });
  else if (state.outcome === "failed-transient") await send({ status: "failed", error_message: "CUDA out of memory" });
  else if (state.outcome === "failed-permanent") await send({ status: "failed", error_message: "invalid prompt: prompt is required" });
  else if (state.outcome === "content-policy") await send({ status: "failed", error_message: "safety checker flagged the frame (nsfw)" });
};

const replicateSecret = `whsec_${Buffer.from("contract-test-signing-key").toString("base64")}`;

const HARNESSES: Harness[] = [
  {
    id: "replicate",
    env: { REPLICATE_API_TOKEN: "r8_contract_test_token", REPLICATE_WEBHOOK_SECRET: replicateSecret },
    handlers: () => replicateHandlers(state),
    inline: true,
    sync: false,
    polls: true,
    webhook: {
      signed: (body) => {
        const id = "msg_1";
        const ts = String(Math.floor(Date.now() / 1000));
        const key = Buffer.from(replicateSecret.slice("whsec_".length), "base64");
        const sig = createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
        return { "webhook-id": id, "webhook-timestamp": ts, "webhook-signature": `v1,${sig}` };
      },
      body: (id) => ({ id, status: "succeeded", output: [`https://replicate.delivery/xezq/${id}/out-0.png`] }),
    },
  },
  {
    id: "fal",
    env: { FAL_KEY: "fal-key-id:fal-key-secret" },
    handlers: () => falHandlers(state, [signer.jwk]),
    inline: true,
    sync: false,
    polls: true,
    webhook: {
      signed: (body) => signer.sign(body, Math.floor(Date.now() / 1000), "req-1"),
      body: (id) => ({ request_id: id, gateway_request_id: id, status: "OK", payload: { images: [{ url: `https://v3.fal.media/files/monkey/${id}.png` }], seed: 1 } }),
    },
  },
  { id: "comfyui", env: { COMFYUI_URL: "http://comfy.lan:8188" }, handlers: () => comfyHandlers(state), inline: false, sync: false, polls: true },
  { id: "openai-images", env: { OPENAI_IMAGES_API_KEY: "sk-contract-test-key-0000" }, handlers: () => openaiImagesHandlers(state), inline: true, sync: true, polls: false },
  {
    id: "gpu-service",
    env: { GPU_SERVICE_URL: GPU, GPU_SERVICE_SECRET: GPU_SECRET, PUBLIC_BASE_URL: "https://studio.example.com" },
    handlers: () => gpuHandlers(state),
    inline: false,
    sync: false,
    polls: false,
    deliver: gpuDeliver,
  },
];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function failureOf(work: () => Promise<unknown>): Promise<ProviderFailure> {
  try {
    await work();
  } catch (e) {
    if (e instanceof ProviderError) return e.failure;
    throw e;
  }
  throw new Error("expected a ProviderError");
}

describe.each(HARNESSES)("$id adapter contract", (h) => {
  let config: Env;
  let store: ReturnType<typeof memoryGpuJobStore>;
  let provider: ImageProvider;

  beforeEach(() => {
    Object.assign(state, newFakeState());
    server.use(...h.handlers());
    config = parseEnv({ IMAGE_PROVIDER: h.id, ...h.env });
    store = memoryGpuJobStore();
    provider = createProvider(h.id, config, { deps: { gpuJobs: store } });
  });

  /** start → (callback) → polls until terminal, as generation would drive it. */
  async function run(): Promise<Prediction> {
    let p = await provider.start(input);
    expect(p.id).toMatch(/\S/);
    if (h.sync) {
      expect(["succeeded", "failed"]).toContain(p.status);
      return p;
    }
    expect(["starting", "processing"]).toContain(p.status);
    if (h.deliver) await h.deliver(p, store);
    for (let i = 0; i < 5 && !["succeeded", "failed", "canceled"].includes(p.status); i++) p = await provider.get(p.id, input);
    return p;
  }

  it("registers with the facts generic code reads", () => {
    expect(provider.id).toBe(h.id);
    expect(provider.expectedSeconds).toBeGreaterThan(0);
    expect(provider.pricePerImage).toBeGreaterThanOrEqual(0);
    expect(provider.allowedDownloadHosts!.length).toBeGreaterThan(0);
  });

  it("creates a prediction and sends the prompt upstream", async () => {
    await provider.start(input);
    expect(state.creates).toHaveLength(1);
    expect(JSON.stringify(state.creates[0]!.body)).toContain("lighthouse keeper");
  });

  it("reaches success with a URL output whose bytes download", async () => {
    state.outcome = "url";
    const p = await run();
    expect(p.status).toBe("succeeded");
    expect(parseOutputRef(p.output[0]!).kind).toBe("url");
    const bytes = await provider.fetchOutput(p.output[0]!, input);
    expect((await sharp(bytes).metadata()).format).toBe("png");
    expect(bytes.equals(await fakePng())).toBe(true);
    expect(state.downloads).toHaveLength(1);
  });

  it.skipIf(!h.inline)("reaches success with inline bytes (a data: URL), no download", async () => {
    state.outcome = "inline";
    const p = await run();
    expect(p.status).toBe("succeeded");
    expect(parseOutputRef(p.output[0]!).kind).toBe("inline");
    const bytes = await provider.fetchOutput(p.output[0]!, input);
    expect(bytes.equals(await fakePng())).toBe(true);
    expect(state.downloads).toHaveLength(0);
  });

  it("a 429 at create is a retryable RATE_LIMIT carrying Retry-After", async () => {
    state.fault = { on: "create", kind: "rate-limit" };
    const f = await failureOf(() => provider.start(input));
    expect(f).toMatchObject({ code: "RATE_LIMIT", retryable: true, retryAfterSeconds: 7 });
  });

  it("a 5xx or a network failure at create is retryable", async () => {
    state.fault = { on: "create", kind: "server-error" };
    expect(await failureOf(() => provider.start(input))).toMatchObject({ retryable: true });
    state.fault = { on: "create", kind: "network" };
    expect(await failureOf(() => provider.start(input))).toMatchObject({ code: "NETWORK_ERROR", retryable: true });
  });

  it("a 400 at create is permanent", async () => {
    state.fault = { on: "create", kind: "bad-request" };
    const f = await failureOf(() => provider.start(input));
    expect(f.retryable).toBe(false);
    expect(f.code).toBe("INVALID_INPUT");
  });

  it.skipIf(!h.polls)("a 5xx while polling is a retryable call failure, and the next poll goes on", async () => {
    const p = await provider.start(input);
    state.fault = { on: "poll", kind: "server-error" };
    expect(await failureOf(() => provider.get(p.id, input))).toMatchObject({ retryable: true });
    const next = await provider.get(p.id, input);
    expect(next.status).not.toBe("failed");
  });

  it("a transient upstream failure fails the prediction as retryable", async () => {
    state.outcome = "failed-transient";
    let failure: ProviderFailure | null;
    try {
      failure = (await run()).error;
    } catch (e) {
      // synchronous APIs answer it as a failed call (HTTP 500)
      failure = (e as ProviderError).failure;
    }
    expect(failure?.retryable).toBe(true);
  });

  it("an invalid-input failure is permanent", async () => {
    state.outcome = "failed-permanent";
    let failure: ProviderFailure | null;
    try {
      const p = await run();
      expect(p.status).toBe("failed");
      failure = p.error;
    } catch (e) {
      failure = (e as ProviderError).failure;
    }
    expect(failure).toMatchObject({ code: "INVALID_INPUT", retryable: false });
  });

  it("a content-policy refusal is permanent and named as such", async () => {
    state.outcome = "content-policy";
    let failure: ProviderFailure | null;
    try {
      const p = await run();
      expect(p.status).toBe("failed");
      failure = p.error;
    } catch (e) {
      failure = (e as ProviderError).failure;
    }
    expect(failure).toMatchObject({ code: "CONTENT_POLICY", retryable: false });
  });

  it("cancels an in-flight prediction", async () => {
    const p = await provider.start(input);
    if (h.sync) {
      await expect(provider.cancel(p.id)).resolves.toBeUndefined();
      return;
    }
    if (h.polls) await provider.get(p.id, input); // running now
    await provider.cancel(p.id);
    const after = await provider.get(p.id, input);
    expect(after.status).toBe("canceled");
    if (h.id === "gpu-service") {
      // the protocol has no cancel: the job is closed, so the service can't move it any more
      const { jobId } = parseGpuPredictionId(p.id)!;
      await expect(
        applyGpuCallback({ store, serviceUrl: GPU, secret: GPU_SECRET, jobId, authorization: `Bearer ${GPU_SECRET}`, body: { status: "completed", result_urls: ["/images/a.png"] }, now: NOW }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
  });

  if (h.webhook) {
    const wh = h.webhook;
    it("accepts a correctly signed webhook and maps it to the prediction", async () => {
      const raw = JSON.stringify(wh.body("pred-abc"));
      const request = new Request("https://studio.example.com/api/webhooks/x", { method: "POST", headers: wh.signed(raw), body: raw });
      const verdict = await provider.verifyWebhook!(request, raw);
      expect(verdict.ok).toBe(true);
      const p = provider.parseWebhook!(JSON.parse(raw));
      expect(p).toMatchObject({ id: "pred-abc", status: "succeeded" });
      expect(parseOutputRef(p.output[0]!).kind).toBe("url");
    });

    it("refuses a webhook whose body was changed after signing, or that carries no signature", async () => {
      const raw = JSON.stringify(wh.body("pred-abc"));
      const headers = wh.signed(raw);
      const tampered = raw.replace("pred-abc", "pred-xyz");
      const forged = await provider.verifyWebhook!(new Request("https://x.test/", { method: "POST", headers, body: tampered }), tampered);
      expect(forged.ok).toBe(false);
      const bare = await provider.verifyWebhook!(new Request("https://x.test/", { method: "POST", body: raw }), raw);
      expect(bare.ok).toBe(false);
    });
  } else if (h.id === "gpu-service") {
    it("callbacks must carry the bearer secret when one is set", async () => {
      const p = await provider.start(input);
      const { jobId } = parseGpuPredictionId(p.id)!;
      const call = (authorization: string | null) =>
        applyGpuCallback({ store, serviceUrl: GPU, secret: GPU_SECRET, jobId, authorization, body: { status: "processing", progress: 10 }, now: NOW });
      await expect(call(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(call("Bearer wrong-secret")).rejects.toBeInstanceOf(AppError);
      await expect(call(`Bearer ${GPU_SECRET}`)).resolves.toMatchObject({ status: "processing", progress: 10 });
    });
  } else {
    it("sends no signed webhooks, so it offers no verifier (its deliveries are refused)", () => {
      expect(provider.verifyWebhook).toBeUndefined();
      expect(provider.parseWebhook).toBeUndefined();
    });
  }
});
