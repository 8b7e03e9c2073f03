import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { FalProvider } from "@/lib/providers/fal/provider";
import { resolveFalModel } from "@/lib/providers/fal/models";
import { falWebhookHeaders, verifyFalWebhook } from "@/lib/providers/fal/verify-webhook";
import { createProvider } from "@/lib/providers/registry";
import type { ImageInput } from "@/lib/providers/types";
import { COMFY, comfyHandlers, fakePng, falHandlers, falSigner, newFakeState, replicateHandlers } from "../helpers/provider-fakes";
import { tempDir } from "../helpers/temp";

// Adapter specifics the shared contract doesn't cover: how each passes its webhook URL, ComfyUI's
// reference upload, fal's key rotation and replay window, a LAN OpenAI-compatible server.

const state = newFakeState();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => Object.assign(state, newFakeState()));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const input: ImageInput = {
  prompt: "the keeper lights the lamp",
  aspectRatio: "2.39:1",
  seed: 5,
  outputFormat: "webp",
  referenceImageUrl: null,
  scene: null,
  webhookUrl: "https://studio.example.com/api/webhooks/fal",
};

describe("webhook URLs reach each provider the way it expects", () => {
  it("Replicate: in the body, with start and completed events", async () => {
    server.use(...replicateHandlers(state));
    await createProvider("replicate", parseEnv({ REPLICATE_API_TOKEN: "r8_x" })).start(input);
    expect(state.creates[0]!.body).toMatchObject({ webhook: input.webhookUrl, webhook_events_filter: ["start", "completed"] });
  });

  it("fal: as the fal_webhook query parameter, with the 2.39:1 frame as a custom size", async () => {
    server.use(...falHandlers(state, []));
    await createProvider("fal", parseEnv({ FAL_KEY: "id:secret" })).start(input);
    const url = new URL(state.creates[0]!.url);
    expect(url.searchParams.get("fal_webhook")).toBe(input.webhookUrl);
    expect(state.creates[0]!.headers.get("authorization")).toBe("Key id:secret");
    expect(state.creates[0]!.body).toMatchObject({ prompt: input.prompt, seed: 5, num_images: 1, image_size: { width: 1536, height: 640 }, output_format: "jpeg" });
  });
});

describe("fal webhook keys", () => {
  it("refuses a replay outside the 5-minute window and a malformed signature", () => {
    const signer = falSigner();
    const body = '{"request_id":"r1","status":"OK","payload":{}}';
    const now = 1_800_000_000;
    const headers = new Headers(signer.sign(body, now - 301, "r1"));
    expect(verifyFalWebhook({ headers: falWebhookHeaders(headers), rawBody: body, keys: [signer.jwk], nowSeconds: now })).toEqual({ ok: false, reason: "stale x-fal-webhook-timestamp" });
    const fresh = new Headers(signer.sign(body, now, "r1"));
    expect(verifyFalWebhook({ headers: falWebhookHeaders(fresh), rawBody: body, keys: [signer.jwk], nowSeconds: now }).ok).toBe(true);
    fresh.set("x-fal-webhook-signature", "zz");
    expect(verifyFalWebhook({ headers: falWebhookHeaders(fresh), rawBody: body, keys: [signer.jwk], nowSeconds: now }).ok).toBe(false);
  });

  it("fetches fal's key set again once when a signature matches no cached key (rotation)", async () => {
    const oldKey = falSigner();
    const newKey = falSigner();
    let served = [oldKey.jwk];
    let fetches = 0;
    server.use(
      http.get("https://rest.alpha.fal.ai/.well-known/jwks.json", () => {
        fetches++;
        return HttpResponse.json({ keys: served });
      }),
    );
    const fal = new FalProvider({ key: "id:secret", model: resolveFalModel("flux-schnell"), download: { allowedHosts: ["fal.media"], maxBytes: 1 << 20, timeoutMs: 1000, allowPrivate: false } });
    const body = '{"request_id":"r1","status":"OK","payload":{"images":[]}}';
    const deliver = (signer: ReturnType<typeof falSigner>) =>
      fal.verifyWebhook(new Request("https://x.test/", { method: "POST", headers: signer.sign(body, Math.floor(Date.now() / 1000), "r1"), body }), body);
    expect((await deliver(oldKey)).ok).toBe(true);
    expect((await deliver(oldKey)).ok).toBe(true);
    expect(fetches).toBe(1); // cached
    served = [newKey.jwk];
    expect((await deliver(newKey)).ok).toBe(true);
    expect(fetches).toBe(2);
    // a forger's key is never in the set: refused after one more look
    expect((await deliver(falSigner())).ok).toBe(false);
  });
});

describe("ComfyUI reference images", () => {
  it("downloads the reference under the public policy, uploads it, and fills {{reference_image}}", async () => {
    server.use(
      ...comfyHandlers(state),
      http.get("https://replicate.delivery/ref/keeper.png", async () => new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } })),
    );
    const dir = await tempDir();
    const file = path.join(dir, "kontext.json");
    await writeFile(
      file,
      JSON.stringify({
        "1": { class_type: "LoadImage", inputs: { image: "{{reference_image}}" } },
        "2": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}" } },
        "3": { class_type: "SaveImage", inputs: { filename_prefix: "{{filename_prefix}}", images: ["1", 0] } },
      }),
    );
    const comfy = createProvider("comfyui", parseEnv({ COMFYUI_URL: COMFY, COMFYUI_WORKFLOW: file }));
    await comfy.start({ ...input, referenceImageUrl: "https://replicate.delivery/ref/keeper.png" });
    const prompt = (state.creates[0]!.body as { prompt: Record<string, { inputs: Record<string, unknown> }> }).prompt;
    expect(prompt["1"]!.inputs.image).toMatch(/^storyframe-ref-.+\.png$/);
    expect(prompt["2"]!.inputs.text).toBe(input.prompt);
    // a reference on a private address is refused before anything reaches ComfyUI
    await expect(comfy.start({ ...input, referenceImageUrl: "http://10.0.0.8/secret.png" })).rejects.toMatchObject({ failure: { code: "DOWNLOAD_BLOCKED" } });
    expect(state.creates).toHaveLength(1);
  });
});

describe("OpenAI-compatible images on a LAN server (LocalAI)", () => {
  it("sends no key when none is set, and downloads a URL answer from the server the operator named", async () => {
    let auth: string | null = "unset";
    let sent: Record<string, unknown> = {};
    server.use(
      http.post("http://192.168.1.30:8080/v1/images/generations", async ({ request }) => {
        auth = request.headers.get("authorization");
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ data: [{ url: "http://192.168.1.30:8080/generated-images/b64.png" }] });
      }),
      http.get("http://192.168.1.30:8080/generated-images/b64.png", async () => new HttpResponse(new Uint8Array(await fakePng()))),
    );
    const config = parseEnv({ OPENAI_IMAGES_BASE_URL: "http://192.168.1.30:8080/v1", OPENAI_IMAGES_MODEL: "stablediffusion" });
    const localai = createProvider("openai-images", config);
    const p = await localai.start(input);
    expect(auth).toBeNull();
    expect(sent).toMatchObject({ model: "stablediffusion", size: "1536x640", n: 1 });
    expect(sent).not.toHaveProperty("response_format");
    expect(p.status).toBe("succeeded");
    expect((await localai.fetchOutput(p.output[0]!, input)).equals(await fakePng())).toBe(true);
    // …but not from any other LAN address
    await expect(localai.fetchOutput("http://192.168.1.31:8080/x.png", input)).rejects.toMatchObject({ failure: { code: "DOWNLOAD_BLOCKED" } });
  });
});

describe("verifyWebhookDelivery (the provider-neutral half of a webhook route)", () => {
  it("routes by provider id: unknown or webhook-less providers 404, bad signatures 401, good ones parse", async () => {
    const { verifyWebhookDelivery } = await import("@/lib/providers/verify-webhook-delivery");
    const signer = falSigner();
    server.use(http.get("https://rest.alpha.fal.ai/.well-known/jwks.json", () => HttpResponse.json({ keys: [signer.jwk] })));
    const config = parseEnv({ FAL_KEY: "id:secret", COMFYUI_URL: COMFY });
    const raw = JSON.stringify({ request_id: "req-9", status: "OK", payload: { images: [{ url: "https://v3.fal.media/files/a.png" }] } });
    const deliver = (providerId: string, headers: Record<string, string>, body = raw) =>
      verifyWebhookDelivery({ providerId, request: new Request("https://s.example/api/webhooks/x", { method: "POST", headers, body }), rawBody: body, config });

    await expect(deliver("midjourney", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deliver("comfyui", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deliver("replicate", {})).rejects.toMatchObject({ code: "UNAUTHORIZED" }); // not configured
    await expect(deliver("fal", {})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const good = await deliver("fal", signer.sign(raw, Math.floor(Date.now() / 1000), "req-9"));
    expect(good.prediction).toMatchObject({ id: "req-9", status: "succeeded", output: ["https://v3.fal.media/files/a.png"] });
    expect(good.deliveryId).toMatch(/^req-9:/);
    const notJson = "{oops";
    await expect(deliver("fal", signer.sign(notJson, Math.floor(Date.now() / 1000), "req-9"), notJson)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});
