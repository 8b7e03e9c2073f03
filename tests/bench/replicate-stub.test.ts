import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReplicateProvider } from "@/lib/providers/replicate/provider";
import { resolveReplicateModel } from "@/lib/providers/replicate/models";
import type { ImageInput } from "@/lib/providers/types";
import { startStubServer, type StubServer } from "@/scripts/bench/lib/stub-server";

// The stand-in must look like Replicate to the app's own provider (replicate SDK + SSRF-guarded
// download), or the benchmark would measure a different code path.

let stub: StubServer; // on a fake clock: the test moves time, so no state depends on how busy the machine is
let realStub: StubServer;
let image: Buffer;
let clock = 1_700_000_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = { authorization: "Bearer r8_test", "content-type": "application/json" };

beforeAll(async () => {
  image = await sharp({ create: { width: 1344, height: 768, channels: 3, background: { r: 90, g: 120, b: 160 } } }).webp().toBuffer();
  stub = await startStubServer({ latency: { baseMs: 300, jitter: 0 }, image, seed: 1, now: () => clock });
  realStub = await startStubServer({ latency: { baseMs: 300, jitter: 0 }, image, seed: 1 });
});
afterAll(async () => {
  await stub.close();
  await realStub.close();
});

const input: ImageInput = {
  prompt: "a lighthouse in a storm",
  aspectRatio: "16:9",
  seed: 5,
  outputFormat: "webp",
  referenceImageUrl: null,
  scene: null,
  webhookUrl: null,
};

function provider() {
  return new ReplicateProvider({
    token: "r8_test",
    baseUrl: stub.baseUrl,
    model: resolveReplicateModel("flux-schnell"),
    download: { allowedHosts: ["127.0.0.1"], maxBytes: 25 * 1024 * 1024, timeoutMs: 5000, allowPrivate: true },
  });
}

describe("Replicate stand-in, through the app's own ReplicateProvider", () => {
  it("runs a prediction starting → processing → succeeded and serves real image bytes", async () => {
    const before = stub.replicate.snapshot();
    const p = provider();
    const started = await p.start(input);
    expect(started.status).toBe("starting");
    expect(started.id).toMatch(/^[a-z0-9]{26}$/);
    expect(started.output).toEqual([]);

    clock += 120;
    const running = await p.get(started.id);
    expect(running.status).toBe("processing");
    expect(running.progress).not.toBeNull(); // tqdm logs parse like Replicate's

    clock += 250;
    const done = await p.get(started.id);
    expect(done.status).toBe("succeeded");
    expect(done.progress).toBe(1);
    expect(done.output).toEqual([`${stub.origin}/files/${started.id}/out-0.webp`]);
    expect(done.metrics.predictTimeSeconds).toBeCloseTo(0.27, 2);

    const bytes = await p.fetchOutput(done.output[0]!);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1344, height: 768 });

    const after = stub.replicate.snapshot();
    expect(after.creates - before.creates).toBe(1);
    expect(after.gets - before.gets).toBe(2);
    expect(after.downloads - before.downloads).toBe(1);
    // The create went to the official-model endpoint with the model's own input.
    const stored = stub.replicate.predictions.get(started.id)!;
    expect(stored.model).toBe("black-forest-labs/flux-schnell");
    expect(stored.input).toMatchObject({ prompt: "a lighthouse in a storm", aspect_ratio: "16:9", output_format: "webp" });
  });

  it("cancels a running prediction, and validates the account token", async () => {
    const p = provider();
    const started = await p.start(input);
    await p.cancel(started.id);
    expect((await p.get(started.id)).status).toBe("canceled");
    const account = await fetch(`${stub.baseUrl}/account`, { headers: auth });
    expect(await account.json()).toMatchObject({ type: "user", username: "bench" });
  });

  it("maps unknown predictions to NOT_FOUND and a missing token to 401", async () => {
    await expect(provider().get("doesnotexist")).rejects.toMatchObject({ failure: { code: "NOT_FOUND" } });
    const res = await fetch(`${stub.baseUrl}/predictions/x`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String) });
  });
});

describe("Replicate stand-in, raw HTTP", () => {
  it("creates on /v1/predictions with a version, refuses one without, answers 201 with urls", async () => {
    const ok = await fetch(`${stub.baseUrl}/predictions`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ version: "stability-ai/sdxl:39ed52f2", input: { prompt: "x" } }),
    });
    expect(ok.status).toBe(201);
    const body = await ok.json();
    expect(body).toMatchObject({ status: "starting", output: null, error: null, metrics: {}, urls: { get: `${stub.baseUrl}/predictions/${body.id}` } });
    const bad = await fetch(`${stub.baseUrl}/predictions`, { method: "POST", headers: auth, body: JSON.stringify({ input: {} }) });
    expect(bad.status).toBe(422);
    const noInput = await fetch(`${stub.baseUrl}/models/a/b/predictions`, { method: "POST", headers: auth, body: "{}" });
    expect(noInput.status).toBe(422);
  });

  it("holds a create with Prefer: wait until the prediction is done (sync mode)", async () => {
    const t0 = performance.now();
    const res = await fetch(`${realStub.baseUrl}/models/black-forest-labs/flux-schnell/predictions`, {
      method: "POST",
      headers: { ...auth, prefer: "wait=5" },
      body: JSON.stringify({ input: { prompt: "x" } }),
    });
    const body = await res.json();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(280);
    expect(body.status).toBe("succeeded");
    expect(body.output).toHaveLength(1);
  });

  it("serves no output file before the prediction succeeded", async () => {
    const created = await (
      await fetch(`${stub.baseUrl}/models/o/m/predictions`, { method: "POST", headers: auth, body: JSON.stringify({ input: {} }) })
    ).json();
    const before = stub.replicate.snapshot().downloads;
    expect((await fetch(`${stub.origin}/files/${created.id}/out-0.webp`)).status).toBe(404);
    expect(stub.replicate.snapshot().downloads).toBe(before);
  });
});

describe("stand-in lifetime", () => {
  it("closes itself after its lifetime", async () => {
    const short = await startStubServer({ latency: { baseMs: 10, jitter: 0 }, image, lifetimeMs: 150 });
    expect((await fetch(`${short.baseUrl}/account`, { headers: auth })).status).toBe(200);
    await sleep(300);
    await expect(fetch(`${short.baseUrl}/account`, { headers: auth })).rejects.toThrow();
  });
});
