import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { http, HttpResponse, type RequestHandler } from "msw";
import sharp from "sharp";

// Small in-memory stand-ins for each image backend, driven by one shared script so the contract
// suite (tests/providers/contract.test.ts) can put every adapter through the same cases: each
// prediction finishes after a couple of polls with the scripted outcome; faults hit one call.

export type Outcome = "url" | "inline" | "failed-transient" | "failed-permanent" | "content-policy";
export type FaultKind = "rate-limit" | "server-error" | "bad-request" | "network";

export type FakeState = {
  outcome: Outcome;
  /** Fault the next create/poll call (then clear). */
  fault: { on: "create" | "poll"; kind: FaultKind } | null;
  polls: Map<string, number>;
  canceled: Set<string>;
  /** Bodies of create requests, in order. */
  creates: { url: string; body: unknown; headers: Headers }[];
  /** Output downloads served. */
  downloads: string[];
};

export function newFakeState(): FakeState {
  return { outcome: "url", fault: null, polls: new Map(), canceled: new Set(), creates: [], downloads: [] };
}

let png: Buffer | null = null;
/** A real 64×36 PNG every fake serves as its image. */
export async function fakePng(): Promise<Buffer> {
  png ??= await sharp({ create: { width: 64, height: 36, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();
  return png;
}

/** Answers the scripted fault for this call kind, once. */
export function takeFault(state: FakeState, on: "create" | "poll", body: Record<string, unknown> = { detail: "bad input: invalid size" }): Response | null {
  if (!state.fault || state.fault.on !== on) return null;
  const kind = state.fault.kind;
  state.fault = null;
  if (kind === "rate-limit") return HttpResponse.json({ detail: "rate limited" }, { status: 429, headers: { "retry-after": "7" } });
  if (kind === "server-error") return HttpResponse.json({ detail: "upstream broke" }, { status: 503 });
  if (kind === "network") return HttpResponse.error();
  return HttpResponse.json(body, { status: 400 });
}

/** Counts a poll; true once the prediction should be finished (third poll on). */
export function pollDone(state: FakeState, id: string): boolean {
  const n = (state.polls.get(id) ?? 0) + 1;
  state.polls.set(id, n);
  return n >= 2;
}

const b64 = async () => (await fakePng()).toString("base64");

// ── Replicate ───────────────────────────────────────────────────────────────────────────────
export const REPLICATE = "https://api.replicate.com/v1";

export function replicateHandlers(state: FakeState): RequestHandler[] {
  return [
    http.post(`${REPLICATE}/models/:owner/:name/predictions`, async ({ request }) => {
      const fault = takeFault(state, "create");
      if (fault) return fault;
      state.creates.push({ url: request.url, body: await request.json(), headers: request.headers });
      return HttpResponse.json({ id: randomUUID().replace(/-/g, "").slice(0, 26), status: "starting", output: null }, { status: 201 });
    }),
    http.get(`${REPLICATE}/predictions/:id`, async ({ params }) => {
      const fault = takeFault(state, "poll");
      if (fault) return fault;
      const id = String(params.id);
      if (state.canceled.has(id)) return HttpResponse.json({ id, status: "canceled" });
      if (!pollDone(state, id)) return HttpResponse.json({ id, status: "processing", logs: " 50%|█████     | 2/4" });
      switch (state.outcome) {
        case "url":
          return HttpResponse.json({ id, status: "succeeded", output: [`https://replicate.delivery/xezq/${id}/out-0.png`], metrics: { predict_time: 1.2 } });
        case "inline":
          return HttpResponse.json({ id, status: "succeeded", output: [`data:image/png;base64,${await b64()}`] });
        case "failed-transient":
          return HttpResponse.json({ id, status: "failed", error: "CUDA error: an illegal memory access was encountered" });
        case "failed-permanent":
          return HttpResponse.json({ id, status: "failed", error: "prompt is required" });
        case "content-policy":
          return HttpResponse.json({ id, status: "failed", error: "NSFW content detected. Try running it again, or try a different prompt." });
      }
    }),
    http.post(`${REPLICATE}/predictions/:id/cancel`, ({ params }) => {
      state.canceled.add(String(params.id));
      return HttpResponse.json({ id: params.id, status: "canceled" });
    }),
    http.get("https://replicate.delivery/xezq/:id/out-0.png", async ({ request }) => {
      state.downloads.push(request.url);
      return new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } });
    }),
  ];
}

// ── fal ─────────────────────────────────────────────────────────────────────────────────────
export const FAL_QUEUE = "https://queue.fal.run";
export const FAL_JWKS = "https://rest.alpha.fal.ai/.well-known/jwks.json";

export function falHandlers(state: FakeState, jwks: { x: string }[]): RequestHandler[] {
  return [
    http.post(`${FAL_QUEUE}/fal-ai/flux/schnell`, async ({ request }) => {
      const fault = takeFault(state, "create", { detail: [{ loc: ["body", "image_size"], msg: "value is not a valid enumeration member", type: "type_error.enum" }] });
      if (fault) return fault;
      state.creates.push({ url: request.url, body: await request.json(), headers: request.headers });
      const id = randomUUID();
      return HttpResponse.json({
        request_id: id,
        status: "IN_QUEUE",
        status_url: `${FAL_QUEUE}/fal-ai/flux/requests/${id}/status`,
        response_url: `${FAL_QUEUE}/fal-ai/flux/requests/${id}`,
        cancel_url: `${FAL_QUEUE}/fal-ai/flux/requests/${id}/cancel`,
      });
    }),
    http.get(`${FAL_QUEUE}/fal-ai/flux/requests/:id/status`, ({ params }) => {
      const fault = takeFault(state, "poll");
      if (fault) return fault;
      const id = String(params.id);
      if (state.canceled.has(id)) return HttpResponse.json({ status: "COMPLETED", request_id: id, error: "Request was cancelled by the user" });
      if (!pollDone(state, id)) return HttpResponse.json({ status: "IN_PROGRESS", request_id: id, logs: [] });
      if (state.outcome === "failed-transient") return HttpResponse.json({ status: "COMPLETED", request_id: id, error: "Internal error: worker crashed" });
      return HttpResponse.json({ status: "COMPLETED", request_id: id, metrics: { inference_time: 0.9 } });
    }),
    http.get(`${FAL_QUEUE}/fal-ai/flux/requests/:id`, async ({ params }) => {
      const id = String(params.id);
      if (state.outcome === "failed-permanent") {
        return HttpResponse.json({ detail: [{ loc: ["body", "prompt"], msg: "field required", type: "value_error.missing" }] }, { status: 422 });
      }
      const url = state.outcome === "inline" ? `data:image/png;base64,${await b64()}` : `https://v3.fal.media/files/monkey/${id}.png`;
      return HttpResponse.json({ images: [{ url, content_type: "image/png", width: 64, height: 36 }], seed: 42, has_nsfw_concepts: [state.outcome === "content-policy"] });
    }),
    http.put(`${FAL_QUEUE}/fal-ai/flux/requests/:id/cancel`, ({ params }) => {
      state.canceled.add(String(params.id));
      return HttpResponse.json({ status: "CANCELLATION_REQUESTED" }, { status: 202 });
    }),
    http.get("https://v3.fal.media/files/monkey/:file", async ({ request }) => {
      state.downloads.push(request.url);
      return new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } });
    }),
    http.get(FAL_JWKS, () => HttpResponse.json({ keys: jwks.map((k) => ({ kty: "OKP", crv: "Ed25519", ...k })) })),
  ];
}

/** An Ed25519 key standing in for fal's signing key, and a signer for webhook deliveries. */
export function falSigner(): { jwk: { x: string }; sign(body: string, nowSeconds: number, requestId: string): Record<string, string>; key: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const x = (publicKey.export({ format: "jwk" }) as { x: string }).x;
  return {
    jwk: { x },
    key: privateKey,
    sign(body, nowSeconds, requestId) {
      const digest = createHash("sha256").update(body).digest("hex");
      const message = [requestId, "user-1", String(nowSeconds), digest].join("\n");
      return {
        "x-fal-webhook-request-id": requestId,
        "x-fal-webhook-user-id": "user-1",
        "x-fal-webhook-timestamp": String(nowSeconds),
        "x-fal-webhook-signature": sign(null, Buffer.from(message), privateKey).toString("hex"),
      };
    },
  };
}

// ── ComfyUI ─────────────────────────────────────────────────────────────────────────────────
export const COMFY = "http://comfy.lan:8188";

export function comfyHandlers(state: FakeState): RequestHandler[] {
  const running = new Set<string>();
  return [
    http.post(`${COMFY}/prompt`, async ({ request }) => {
      const fault = takeFault(state, "create", {
        error: { type: "prompt_outputs_failed_validation", message: "Prompt outputs failed validation", details: "" },
        node_errors: { "4": { errors: [{ message: "Value not in list: ckpt_name" }] } },
      });
      if (fault) return fault;
      state.creates.push({ url: request.url, body: await request.json(), headers: request.headers });
      const id = randomUUID();
      running.add(id);
      return HttpResponse.json({ prompt_id: id, number: 1, node_errors: {} });
    }),
    http.get(`${COMFY}/history/:id`, ({ params }) => {
      const fault = takeFault(state, "poll");
      if (fault) return fault;
      const id = String(params.id);
      if (state.canceled.has(id)) return HttpResponse.json({ [id]: { outputs: {}, status: { status_str: "error", completed: false, messages: [["execution_interrupted", {}]] } } });
      if (!pollDone(state, id)) return HttpResponse.json({});
      running.delete(id);
      const error = (message: string) =>
        HttpResponse.json({ [id]: { outputs: {}, status: { status_str: "error", completed: false, messages: [["execution_error", { exception_type: "RuntimeError", exception_message: message }]] } } });
      if (state.outcome === "failed-transient") return error("CUDA out of memory. Tried to allocate 2.00 GiB");
      if (state.outcome === "failed-permanent") return error("Value not in list: ckpt_name: 'missing.safetensors' not in []");
      if (state.outcome === "content-policy") return error("NSFW content flagged by the safety checker node");
      return HttpResponse.json({
        [id]: { outputs: { "9": { images: [{ filename: `storyframe_${id.slice(0, 5)}_.png`, subfolder: "", type: "output" }] } }, status: { status_str: "success", completed: true, messages: [] } },
      });
    }),
    http.get(`${COMFY}/queue`, () =>
      HttpResponse.json({ queue_running: [...running].filter((id) => !state.canceled.has(id)).map((id, i) => [i, id, {}, {}, ["9"]]), queue_pending: [] }),
    ),
    http.post(`${COMFY}/interrupt`, async ({ request }) => {
      const body = (await request.json()) as { prompt_id?: string };
      if (body.prompt_id) state.canceled.add(body.prompt_id);
      return new HttpResponse(null, { status: 200 });
    }),
    http.post(`${COMFY}/queue`, () => new HttpResponse(null, { status: 200 })),
    http.post(`${COMFY}/upload/image`, async ({ request }) => {
      const form = await request.formData();
      const file = form.get("image") as File;
      return HttpResponse.json({ name: file.name, subfolder: "", type: "input" });
    }),
    http.get(`${COMFY}/view`, async ({ request }) => {
      state.downloads.push(request.url);
      return new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } });
    }),
  ];
}

// ── OpenAI-compatible images ────────────────────────────────────────────────────────────────
export const OPENAI_IMAGES = "https://api.openai.com/v1";

export function openaiImagesHandlers(state: FakeState): RequestHandler[] {
  return [
    http.post(`${OPENAI_IMAGES}/images/generations`, async ({ request }) => {
      const fault = takeFault(state, "create", { error: { message: "Invalid value for 'size'.", type: "invalid_request_error", code: "invalid_value" } });
      if (fault) return fault;
      state.creates.push({ url: request.url, body: await request.json(), headers: request.headers });
      switch (state.outcome) {
        case "url":
          return HttpResponse.json({ created: 1, data: [{ url: `https://oaidalleapiprodscus.blob.core.windows.net/private/img-${randomUUID()}.png` }] });
        case "inline":
          return HttpResponse.json({ created: 1, data: [{ b64_json: await b64() }], usage: { total_tokens: 100 } });
        case "failed-transient":
          return HttpResponse.json({ error: { message: "The server had an error processing your request.", type: "server_error" } }, { status: 500 });
        case "failed-permanent":
          return HttpResponse.json({ error: { message: "Invalid prompt.", type: "invalid_request_error", code: "invalid_value" } }, { status: 400 });
        case "content-policy":
          return HttpResponse.json(
            { error: { message: "Your request was rejected by the safety system.", type: "image_generation_user_error", code: "moderation_blocked" } },
            { status: 400 },
          );
      }
    }),
    http.get("https://oaidalleapiprodscus.blob.core.windows.net/private/:file", async ({ request }) => {
      state.downloads.push(request.url);
      return new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } });
    }),
  ];
}

// ── GPU service (seed 000's protocol) ───────────────────────────────────────────────────────
export const GPU = "http://gpu.lan:8000";

export function gpuHandlers(state: FakeState): RequestHandler[] {
  return [
    http.post(`${GPU}/generate`, async ({ request }) => {
      const fault = takeFault(state, "create", { detail: "num_frames must be between 1 and 10" });
      if (fault) return fault;
      const body = await request.json();
      state.creates.push({ url: request.url, body, headers: request.headers });
      return HttpResponse.json({ job_id: (body as { job_id: string }).job_id, status: "accepted" }, { status: 202 });
    }),
    http.get(`${GPU}/images/:run/:file`, async ({ request }) => {
      state.downloads.push(request.url);
      return new HttpResponse(new Uint8Array(await fakePng()), { headers: { "content-type": "image/png" } });
    }),
    http.get(`${GPU}/health`, () => HttpResponse.json({ status: "healthy", gpu: "RTX 4090" })),
  ];
}
