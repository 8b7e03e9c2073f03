import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { claimFrameLease, getFrameById, listFramesByStoryboard, updateFrameWithLease } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { backgroundIdle } from "@/lib/generation/background";
import type { GenerationDeps } from "@/lib/generation/deps";
import type { StoryboardProgressDto } from "@/lib/storyboards/dto";
import { call, useTempAppEnv } from "../helpers/app-env";
import {
  malformedJson,
  networkError,
  type PredictionScript,
  rateLimited,
  ReplicateFake,
  serverError,
} from "../helpers/replicate-msw";

// The routes build their pipeline with appGenerationDeps(); here it gets a clock the tests move
// (real time + an offset), a short check interval and lease, and a storage that counts writes.
const control = vi.hoisted(() => ({ offsetMs: 0, puts: [] as string[], CHECK_MS: 1000, LEASE_MS: 10_000 }));
vi.mock("@/lib/generation/app-deps", async () => {
  const { getDb } = await import("@/lib/db/client");
  const { getStorage } = await import("@/lib/storage/get-storage");
  const { providerForFrame } = await import("@/lib/providers/get-provider");
  return {
    appGenerationDeps: async (): Promise<GenerationDeps> => {
      const storage = getStorage();
      return {
        db: await getDb(),
        storage: new Proxy(storage, {
          get(target, prop) {
            if (prop === "put") {
              return (key: string, ...rest: unknown[]) => {
                control.puts.push(key);
                return (target.put as (...a: unknown[]) => Promise<void>)(key, ...rest);
              };
            }
            const value = Reflect.get(target, prop);
            return typeof value === "function" ? value.bind(target) : value;
          },
        }),
        providerFor: (frame) => providerForFrame(frame),
        now: () => new Date(Date.now() + control.offsetMs),
        checkIntervalMs: control.CHECK_MS,
        leaseMs: control.LEASE_MS,
      };
    },
  };
});

const { CHECK_MS, LEASE_MS } = control;
const fake = new ReplicateFake();
const server = setupServer(...fake.handlers);
let storageDir: string;

beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv({ REPLICATE_API_TOKEN: "r8_test0000000000000000000000000000000000", IMAGE_PROVIDER: "replicate", REPLICATE_SYNC_WAIT_SECONDS: "0" }));
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  fake.reset();
  server.resetHandlers();
  control.puts.length = 0;
});
afterAll(() => server.close());

const now = () => new Date(Date.now() + control.offsetMs);
const tick = (ms = CHECK_MS) => {
  control.offsetMs += ms;
};

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  frame: (await import("@/app/api/frames/[id]/route")).GET,
  cancel: (await import("@/app/api/frames/[id]/cancel/route")).POST,
  seedStoryboard: (await import("@/app/api/storyboard/route")).POST,
  seedGenerate: (await import("@/app/api/generate-image/route")).POST,
  seedPoll: (await import("@/app/api/generate-image/[predictionId]/route")).GET,
  one: (await import("@/app/api/storyboards/[id]/route")).GET,
});
type Routes = Awaited<ReturnType<typeof routes>>;

const db = async () => (await import("@/lib/db/client")).getDb();
const deps = async () => (await import("@/lib/generation/app-deps")).appGenerationDeps();

async function createStoryboard(r: Routes, frameCount = 3) {
  const res = await call(r.create, {
    method: "POST",
    body: { prompt: "A courier cycles through a rainy night city to deliver a birthday cake", frameCount, aspectRatio: "16:9" },
  });
  expect(res.status).toBe(201);
  return res.body.storyboard as { id: string; scenes: { id: string; imagePrompt: string }[] };
}

/** Generates the first scene only: one frame, so a fault lands on a known frame. */
async function generateOne(r: Routes, frameCount = 3) {
  const sb = await createStoryboard(r, frameCount);
  const res = await call(r.generate, { method: "POST", params: { id: sb.id }, body: { sceneIds: [sb.scenes[0]!.id] } });
  expect(res.status).toBe(202);
  expect(res.body.frames).toHaveLength(1);
  return { sb, frameId: res.body.frames[0].frameId as string, predictionId: res.body.frames[0].predictionId as string | null };
}

const framesOf = async (storyboardId: string) => listFramesByStoryboard({ db: await db(), storyboardId });
const frameRow = async (id: string) => (await getFrameById({ db: await db(), id }))!;

async function filesOf(storyboardId: string): Promise<string[]> {
  const dir = path.join(storageDir, "storyboards", storyboardId);
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

/** Polls /status (moving the clock one check interval each time) until `done`. */
async function pollStatusUntil(r: Routes, id: string, done: (p: StoryboardProgressDto) => boolean, max = 15) {
  for (let i = 0; i < max; i++) {
    tick();
    const res = await call(r.status, { params: { id } });
    expect(res.status).toBe(200);
    if (done(res.body.progress)) return res.body.progress;
  }
  throw new Error("the storyboard did not get there");
}

/** Polls one frame (GET /api/frames/:id) until it reaches a terminal state. */
async function pollFrameUntilSettled(r: Routes, frameId: string, max = 10) {
  for (let i = 0; i < max; i++) {
    tick();
    const res = await call(r.frame, { params: { id: frameId } });
    expect(res.status).toBe(200);
    if (["succeeded", "failed", "canceled"].includes(res.body.frame.status)) return res.body.frame;
  }
  throw new Error("the frame did not settle");
}

/** A failed frame is half-stored nowhere: no keys on the row and no files on disk. */
async function expectNothingStored(frame: FrameRow) {
  expect(frame).toMatchObject({ originalKey: null, displayKey: null, thumbnailKey: null, contentHash: null, cost: null });
  expect(await filesOf(frame.storyboardId)).toEqual([]);
  expect(control.puts).toEqual([]);
}

describe("happy path on Replicate", () => {
  it("generates a 6-scene storyboard: mapped input, stored frames, actual cost, predict time", async () => {
    const r = await routes();
    const sb = await createStoryboard(r, 6);
    const started = await call(r.generate, { method: "POST", params: { id: sb.id } });
    expect(started.status).toBe(202);
    expect(started.body.frames).toHaveLength(6);
    for (const f of started.body.frames) {
      expect(f.predictionId).toMatch(/^[a-z2-7]{26}$/);
      expect(f.status).toBe("starting");
    }
    expect(started.body.progress).toMatchObject({ stage: "generating", cost: { estimated: 0.018, actual: 0 } });

    // what Replicate was asked for: one create per scene, our input mapped to flux-schnell's
    expect(fake.count("create")).toBe(6);
    for (const create of fake.creates) {
      expect(create.path).toBe("/v1/models/black-forest-labs/flux-schnell/predictions");
      expect(create.authorization).toBe("Bearer r8_test0000000000000000000000000000000000");
      expect(create.body!.webhook).toBeUndefined(); // no public https URL: polling only
    }
    for (const row of await framesOf(sb.id)) {
      expect(fake.predictions.get(row.predictionId!)!.input).toEqual({
        prompt: row.input.prompt,
        aspect_ratio: "16:9",
        seed: row.seed,
        num_outputs: 1,
        output_format: "webp",
        output_quality: 90,
        go_fast: false,
      });
    }
    expect(new Set(fake.creates.map((c) => c.body?.input?.prompt))).toEqual(new Set(sb.scenes.map((s) => s.imagePrompt)));

    const progress = await pollStatusUntil(r, sb.id, (p) => p.stage !== "generating");
    expect(progress).toMatchObject({
      stage: "ready",
      scenesCompleted: 6,
      scenesFailed: 0,
      message: "Ready",
      cost: { estimated: 0.018, actual: 0.018, currency: "USD" },
    });

    const frames = await framesOf(sb.id);
    expect(frames).toHaveLength(6); // no duplicate rows
    for (const f of frames) {
      const served = await fake.imageOf(fake.predictions.get(f.predictionId!)!);
      expect(f).toMatchObject({
        status: "succeeded",
        width: 1344,
        height: 768,
        bytes: served.length,
        contentType: "image/webp",
        contentHash: createHash("sha256").update(served).digest("hex"),
        cost: 0.003,
        predictTimeSeconds: 0.734,
        errorCode: null,
        leaseToken: null,
      });
      // The stand-in serves a 1344×768 WebP: display-ready, so it is its own display copy.
      expect(f.displayKey).toBe(f.originalKey);
      for (const key of [f.originalKey!, f.displayKey!, f.thumbnailKey!]) {
        expect(key.startsWith(`storyboards/${sb.id}/frames/${f.contentHash}`)).toBe(true);
        expect(existsSync(path.join(storageDir, key))).toBe(true);
      }
      const thumb = await sharp(path.join(storageDir, f.thumbnailKey!)).metadata();
      expect([thumb.format, thumb.width]).toEqual(["webp", 480]);
      expect(fake.count("download", f.predictionId!)).toBe(1);
    }
    expect(await filesOf(sb.id)).toHaveLength(12); // original (= display) + thumbnail per frame
    expect(control.puts).toHaveLength(12);

    // a terminal storyboard answers from the database: no more calls to Replicate
    const before = fake.log.length;
    tick();
    expect((await call(r.status, { params: { id: sb.id } })).body.progress.stage).toBe("ready");
    expect(fake.log.length).toBe(before);
  });
});

describe("faults when creating the prediction", () => {
  it("429 with Retry-After: RATE_LIMIT, next attempt after Retry-After, drawn once it is due", async () => {
    const r = await routes();
    fake.fault("create", () => rateLimited(30));
    const t0 = now();
    const { sb, frameId, predictionId } = await generateOne(r);
    expect(predictionId).toBeNull();
    // the client would retry a 429 six times at once, ignoring Retry-After; we own the policy
    expect(fake.count("create")).toBe(1);
    const first = await frameRow(frameId);
    expect(first).toMatchObject({ status: "failed", errorCode: "RATE_LIMIT", attempt: 1, predictionId: null });
    expect(Math.abs(first.nextAttemptAt!.getTime() - (t0.getTime() + 30_000))).toBeLessThan(2000);
    await expectNothingStored(first);

    // not due yet: the scene is still pending and nothing is asked of Replicate
    tick(10_000);
    const waiting = await call(r.status, { params: { id: sb.id } });
    expect(waiting.body.progress).toMatchObject({ stage: "generating", scenesInFlight: 1 });
    expect(fake.count("create")).toBe(1);

    tick(21_000);
    const progress = await pollStatusUntil(r, sb.id, (p) => p.scenesInFlight === 0);
    expect(progress).toMatchObject({ stage: "ready", scenesCompleted: 1, cost: { actual: 0.003 } });
    expect(fake.count("create")).toBe(2);
    const frames = await framesOf(sb.id);
    expect(frames.map((f) => [f.attempt, f.status, f.errorCode])).toEqual([
      [1, "failed", "RATE_LIMIT"],
      [2, "succeeded", null],
    ]);
    expect(frames[1]!.retryOfFrameId).toBe(frameId);
    expect(await filesOf(sb.id)).toHaveLength(2);
    // the first attempt's id follows to the newest attempt
    expect((await call(r.frame, { params: { id: frameId } })).body.frame).toMatchObject({ id: frames[1]!.id, status: "succeeded" });
  });

  it.each([
    ["HTTP 500", "PROVIDER_ERROR", () => serverError(500)],
    ["a network error", "NETWORK_ERROR", networkError],
    ["malformed JSON", "PROVIDER_ERROR", malformedJson],
  ])("%s: failed with %s, exactly one create request per attempt, retried after 2 s", async (_name, code, respond) => {
    const r = await routes();
    fake.fault("create", respond);
    const t0 = now();
    const { sb, frameId } = await generateOne(r);
    // no client-side retry of the POST: a retried create is a duplicate (billed) prediction
    expect(fake.count("create")).toBe(1);
    const first = await frameRow(frameId);
    expect(first).toMatchObject({ status: "failed", errorCode: code });
    expect(Math.abs(first.nextAttemptAt!.getTime() - (t0.getTime() + 2000))).toBeLessThan(1000);
    await expectNothingStored(first);

    tick(2000);
    await pollStatusUntil(r, sb.id, (p) => p.scenesInFlight === 0);
    expect(fake.count("create")).toBe(2);
    expect((await framesOf(sb.id)).map((f) => f.status)).toEqual(["failed", "succeeded"]);
  });

  it("a retryable failure on every attempt gives up after the fourth", async () => {
    const r = await routes();
    fake.fault("create", () => serverError(502), { times: 10 });
    const { sb } = await generateOne(r);
    for (const wait of [2000, 4000, 8000, 60_000]) {
      tick(wait);
      await call(r.status, { params: { id: sb.id } });
    }
    expect(fake.count("create")).toBe(4);
    const frames = await framesOf(sb.id);
    expect(frames.map((f) => [f.attempt, f.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "failed"],
      [4, "failed"],
    ]);
    expect(frames[3]!.nextAttemptAt).toBeNull();
    const progress = (await call(r.status, { params: { id: sb.id } })).body.progress;
    expect(progress).toMatchObject({ stage: "failed", scenesFailed: 1, scenesInFlight: 0 });
  });
});

describe("faults reported by the prediction", () => {
  it("a transient model failure is retried as a new attempt", async () => {
    const r = await routes();
    fake.script({ statuses: ["starting", "processing", "failed"], error: "CUDA error: out of memory" });
    const { sb, frameId } = await generateOne(r);
    const failed = await pollFrameUntilSettled(r, frameId);
    // the poll of the first attempt already follows to the retry once it is due; read the row
    const first = await frameRow(frameId);
    expect(first).toMatchObject({ status: "failed", errorCode: "PREDICTION_FAILED" });
    expect(first.nextAttemptAt).not.toBeNull();
    expect(failed.status).toBe("failed");
    tick(2000);
    await pollStatusUntil(r, sb.id, (p) => p.scenesInFlight === 0);
    expect((await framesOf(sb.id)).map((f) => [f.status, f.errorCode])).toEqual([
      ["failed", "PREDICTION_FAILED"],
      ["succeeded", null],
    ]);
  });

  it("NSFW: CONTENT_POLICY, not retried", async () => {
    const r = await routes();
    fake.script({ statuses: ["starting", "failed"], error: "NSFW content detected. Try running it again, or try a different prompt." });
    const { sb, frameId } = await generateOne(r);
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame).toMatchObject({ status: "failed", errorCode: "CONTENT_POLICY", nextAttemptAt: null });
    tick(60_000);
    await call(r.status, { params: { id: sb.id } });
    expect(fake.count("create")).toBe(1);
    expect(await framesOf(sb.id)).toHaveLength(1);
    await expectNothingStored(await frameRow(frameId));
  });
});

describe("faults downloading the output", () => {
  it.each([
    ["404", "OUTPUT_EXPIRED", { output: { status: 404 } }],
    ["410", "OUTPUT_EXPIRED", { output: { status: 410 } }],
    ["bytes that are not an image", "INVALID_OUTPUT", { output: "not-image" }],
    ["an SVG (sharp reads it; we store rasters only)", "INVALID_OUTPUT", { output: "svg" }],
    ["a PNG claiming 40000 × 40000 pixels", "INVALID_OUTPUT", { output: "pixel-bomb" }],
    ["a URL on a host that is not allowed", "DOWNLOAD_BLOCKED", { output: { url: "https://cdn.evil.example/xezq/a/out-0.webp" } }],
    ["a URL on a look-alike host", "DOWNLOAD_BLOCKED", { output: { url: "https://replicate.delivery.evil.example/a/out-0.webp" } }],
    ["a redirect to http://127.0.0.1", "DOWNLOAD_BLOCKED", { output: { redirectTo: "http://127.0.0.1/latest/meta-data" } }],
    ["a redirect to the metadata address", "DOWNLOAD_BLOCKED", { output: { redirectTo: "https://169.254.169.254/latest/meta-data" } }],
  ] satisfies [string, string, PredictionScript][])("output %s → failed %s, no retry, nothing stored", async (_name, code, script) => {
    const r = await routes();
    fake.script(script);
    const { sb, frameId, predictionId } = await generateOne(r);
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame).toMatchObject({ status: "failed", errorCode: code, nextAttemptAt: null, image: null });
    expect(fake.count("download", predictionId!)).toBeLessThanOrEqual(1);
    tick(60_000);
    await call(r.status, { params: { id: sb.id } });
    expect(fake.count("create")).toBe(1); // a new prediction would cost money and fail the same way
    expect(await framesOf(sb.id)).toHaveLength(1);
    await expectNothingStored(await frameRow(frameId));
  });

  it("an output over DOWNLOAD_MAX_BYTES → OUTPUT_TOO_LARGE, nothing stored", async () => {
    process.env.DOWNLOAD_MAX_BYTES = "4096";
    resetEnvForTests();
    try {
      const r = await routes();
      const { frameId, predictionId } = await generateOne(r);
      const frame = await pollFrameUntilSettled(r, frameId);
      expect((await fake.imageOf(fake.predictions.get(predictionId!)!)).length).toBeGreaterThan(4096);
      expect(frame).toMatchObject({ status: "failed", errorCode: "OUTPUT_TOO_LARGE", nextAttemptAt: null });
      await expectNothingStored(await frameRow(frameId));
    } finally {
      delete process.env.DOWNLOAD_MAX_BYTES;
      resetEnvForTests();
    }
  });

  it("a download that fails transiently is tried again on the next poll (same prediction)", async () => {
    const r = await routes();
    const { sb, frameId, predictionId } = await generateOne(r);
    fake.fault("download", () => serverError(503), { times: 2, predictionId: predictionId! });
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame.status).toBe("succeeded");
    // A hosted model can't say what it drew.
    expect(frame.depicts).toEqual([]);
    expect(fake.count("download", predictionId!)).toBe(3);
    expect(fake.count("create")).toBe(1);
    expect(await framesOf(sb.id)).toHaveLength(1);
    expect(await filesOf(sb.id)).toHaveLength(2);
  });

  it("a download that keeps failing gives up after MAX_FINALIZE_ATTEMPTS: DOWNLOAD_FAILED, no new prediction", async () => {
    const r = await routes();
    const { sb, frameId, predictionId } = await generateOne(r);
    fake.fault("download", () => serverError(503), { times: 10, predictionId: predictionId! });
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame).toMatchObject({ status: "failed", errorCode: "DOWNLOAD_FAILED", nextAttemptAt: null });
    expect(fake.count("download", predictionId!)).toBe(3);
    expect(await framesOf(sb.id)).toHaveLength(1);
    await expectNothingStored(await frameRow(frameId));
  });
});

describe("faults while polling", () => {
  it.each([
    ["HTTP 503", "PROVIDER_ERROR", () => serverError(503)],
    ["a network error", "NETWORK_ERROR", networkError],
    ["malformed JSON", "PROVIDER_ERROR", malformedJson],
  ])("%s does not fail the frame (%s recorded), and costs one request per poll", async (_name, code, respond) => {
    const r = await routes();
    const { sb, frameId, predictionId } = await generateOne(r);
    fake.fault("get", respond, { times: 100, predictionId: predictionId! });
    for (let i = 1; i <= 3; i++) {
      tick();
      const res = await call(r.frame, { params: { id: frameId } });
      expect(res.body.frame).toMatchObject({ status: "starting", errorCode: code });
      expect(fake.count("get", predictionId!)).toBe(i); // the client does not retry GETs on its own
    }
    fake.clearFaults();
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame).toMatchObject({ status: "succeeded", errorCode: null });
    expect(await framesOf(sb.id)).toHaveLength(1);
  });

  it("an auth failure while polling fails the frame for good", async () => {
    const r = await routes();
    const { frameId, predictionId } = await generateOne(r);
    fake.fault("get", () => new Response(JSON.stringify({ detail: "Invalid token." }), { status: 401 }), { predictionId: predictionId! });
    const frame = await pollFrameUntilSettled(r, frameId);
    expect(frame).toMatchObject({ status: "failed", errorCode: "AUTHENTICATION_FAILED", nextAttemptAt: null });
  });
});

describe("exactly once", () => {
  /** Separate module instances of poll-frame: separate "processes", each with its own in-process coalescing. */
  async function processes(n: number) {
    const instances: (typeof import("@/lib/generation/poll-frame"))[] = [];
    for (let i = 0; i < n; i++) {
      vi.resetModules();
      instances.push(await import("@/lib/generation/poll-frame"));
    }
    return instances;
  }

  it("20 concurrent polls at the moment of success: one provider call, one download, one stored set, one succeeded row", async () => {
    const r = await routes();
    const d = await deps();
    const { sb, frameId, predictionId } = await generateOne(r);
    const instances = await processes(4);
    fake.setStatus(predictionId!, "succeeded");
    tick();
    const stale = await frameRow(frameId); // every poll starts from the same "starting" row
    const results = await Promise.all([
      ...Array.from({ length: 16 }, (_, i) => instances[i % 4]!.pollFrame(d, stale)),
      ...Array.from({ length: 4 }, () => call(r.frame, { params: { id: frameId } })),
    ]);
    await backgroundIdle(); // the winner answered "finalizing"; the storing ran after its answer
    expect(fake.count("get", predictionId!)).toBe(1);
    expect(fake.count("download", predictionId!)).toBe(1);
    expect(control.puts).toHaveLength(2);
    expect(await filesOf(sb.id)).toHaveLength(2);
    const frames = await framesOf(sb.id);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ status: "succeeded", cost: 0.003, leaseToken: null });
    // every answer is a real state of the frame, none an error
    for (const res of results.slice(16) as { status: number }[]) expect(res.status).toBe(200);
    // and the next poll answers from the database
    tick();
    expect((await call(r.frame, { params: { id: frameId } })).body.frame.status).toBe("succeeded");
    expect(fake.count("get", predictionId!)).toBe(1);
  });

  it("the provider sees one GET per check interval per frame, however many polls", async () => {
    const r = await routes();
    const d = await deps();
    fake.script({ statuses: ["starting", "processing"] }); // stays processing
    const { sb, frameId, predictionId } = await generateOne(r);
    const instances = await processes(3);
    for (let interval = 1; interval <= 4; interval++) {
      tick();
      const row = await frameRow(frameId);
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => instances[i % 3]!.pollFrame(d, row)),
        ...Array.from({ length: 4 }, () => call(r.frame, { params: { id: frameId } })),
        ...Array.from({ length: 4 }, () => call(r.status, { params: { id: sb.id } })),
      ]);
      expect(fake.count("get", predictionId!)).toBe(interval);
      // more polls later in the same interval share that call too
      tick(CHECK_MS / 4);
      await call(r.frame, { params: { id: frameId } });
      expect(fake.count("get", predictionId!)).toBe(interval);
    }
    expect((await frameRow(frameId)).status).toBe("processing");
  });

  it("a finalizer that died: its lease holds until it expires, then the next poll finalizes", async () => {
    const r = await routes();
    const d = await deps();
    const { sb, frameId, predictionId } = await generateOne(r);
    fake.setStatus(predictionId!, "succeeded");
    // the dead finalizer: claimed the lease, then never wrote again
    const dead = await claimFrameLease({
      db: d.db,
      id: frameId,
      fromStatuses: ["starting", "processing"],
      token: "dead-finalizer",
      now: now(),
      leaseMs: LEASE_MS,
      patch: { status: "finalizing", progress: 1 },
    });
    expect(dead?.status).toBe("finalizing");
    const gets = fake.count("get", predictionId!);

    // while the lease runs, polls answer "finalizing" and do nothing twice
    for (let i = 0; i < 3; i++) {
      tick();
      const res = await call(r.frame, { params: { id: frameId } });
      expect(res.body.frame.status).toBe("finalizing");
    }
    expect(fake.count("download", predictionId!)).toBe(0);
    expect(fake.count("get", predictionId!)).toBe(gets);

    tick(LEASE_MS);
    // the poll that takes over answers "finalizing" at once; the next one sees the stored frame
    expect((await call(r.frame, { params: { id: frameId } })).body.frame.status).toBe("finalizing");
    const res = await call(r.frame, { params: { id: frameId } });
    expect(res.body.frame).toMatchObject({ status: "succeeded", cost: 0.003 });
    expect(res.body.frame.image).toMatchObject({ width: 1344, height: 768 });
    expect(fake.count("download", predictionId!)).toBe(1);
    expect(await filesOf(sb.id)).toHaveLength(2);

    // the dead finalizer wakes up: its lease is gone, its write is refused
    expect(await updateFrameWithLease({ db: d.db, id: frameId, token: "dead-finalizer", patch: { status: "failed" } })).toBeUndefined();
    expect((await frameRow(frameId)).status).toBe("succeeded");
  });

  it("concurrent polls after a failed download released the lease: the next try downloads once", async () => {
    const r = await routes();
    const { sb, frameId, predictionId } = await generateOne(r);
    fake.setStatus(predictionId!, "succeeded");
    fake.fault("download", () => serverError(503), { predictionId: predictionId! });
    tick();
    expect((await call(r.frame, { params: { id: frameId } })).body.frame.status).toBe("finalizing");
    expect(await frameRow(frameId)).toMatchObject({ status: "finalizing", leaseToken: null, finalizeAttempts: 1 });
    tick();
    const d = await deps();
    const instances = await processes(4);
    const gets = fake.count("get", predictionId!);
    const row = await frameRow(frameId); // finalizing, no lease: every process's poll may try
    await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 4]!.pollFrame(d, row)));
    await backgroundIdle();
    expect(fake.count("get", predictionId!) - gets).toBeLessThanOrEqual(4); // one per "process" at most
    expect(fake.count("download", predictionId!)).toBe(2);
    expect(await frameRow(frameId)).toMatchObject({ status: "succeeded" });
    expect(control.puts).toHaveLength(2);
    expect(await framesOf(sb.id)).toHaveLength(1);
  });

  it("an unexpired lease is respected: concurrent polls of a finalizing frame never download twice", async () => {
    const r = await routes();
    const d = await deps();
    const { frameId, predictionId } = await generateOne(r);
    fake.setStatus(predictionId!, "succeeded");
    await claimFrameLease({ db: d.db, id: frameId, fromStatuses: ["starting"], token: "busy", now: now(), leaseMs: LEASE_MS, patch: { status: "finalizing" } });
    tick(LEASE_MS - 1000);
    await Promise.all(Array.from({ length: 10 }, () => call(r.frame, { params: { id: frameId } })));
    expect(fake.count("download", predictionId!)).toBe(0);
    expect((await frameRow(frameId))).toMatchObject({ status: "finalizing", leaseToken: "busy" });
  });
});

describe("seed-compatible routes", () => {
  const url = (p: string) => `http://127.0.0.1:3000${p}`;

  it("POST /api/storyboard → POST /api/generate-image → GET /api/generate-image/:predictionId until succeeded", async () => {
    const r = await routes();
    const created = await call(r.seedStoryboard, { method: "POST", url: url("/api/storyboard"), body: { prompt: "A lighthouse keeper and a stray cat" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ success: true });
    expect(created.body.scenes).toHaveLength(5);
    const projectId = created.body.projectId as string;

    const prompt = "A red bicycle leaning on a lamp post at dawn, pencil sketch";
    const started = await call(r.seedGenerate, { method: "POST", url: url("/api/generate-image"), body: { prompt, projectId, sceneIndex: 2 } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ success: true, status: "starting" });
    const predictionId = started.body.predictionId as string;
    expect(fake.predictions.get(predictionId)!.input).toMatchObject({ prompt, aspect_ratio: "16:9", go_fast: false });

    let res: Awaited<ReturnType<typeof call>> | undefined;
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      tick();
      res = await call(r.seedPoll, { url: url(`/api/generate-image/${predictionId}`), params: { predictionId } });
      expect(res.status).toBe(200);
      seen.push(res.body.status);
      if (res.body.status === "succeeded") break;
    }
    expect(seen).toContain("processing");
    expect(res!.body).toMatchObject({
      success: true,
      status: "succeeded",
      progress: 1,
      image: { width: 1344, height: 768, prompt, replicateId: predictionId },
    });
    const image = res!.body.image;
    for (const u of [image.url, image.thumbnailUrl]) {
      expect(u).toMatch(/^\/api\/files\/storyboards\//);
      expect(existsSync(path.join(storageDir, u.replace("/api/files/", "")))).toBe(true);
    }
    // the same URLs however the route is reached: another host name, or through a proxy
    for (const headers of [{}, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }] as Record<string, string>[]) {
      const again = await call(r.seedPoll, { url: `http://localhost:4123/api/generate-image/${predictionId}`, headers, params: { predictionId } });
      expect(again.body.image.url).toBe(image.url);
    }
    const frame = await call(r.frame, { params: { id: started.body.frameId } });
    expect(frame.body.frame.image.url).toBe(image.url);
  });

  it("POST /api/generate-image with a new prompt draws it as a new variation, even while the scene is drawing", async () => {
    const r = await routes();
    const created = await call(r.seedStoryboard, { method: "POST", body: { prompt: "A caravan crosses the steppe at dusk" } });
    const projectId = created.body.projectId as string;
    const first = await call(r.seedGenerate, { method: "POST", body: { prompt: created.body.scenes[1].imagePrompt, projectId, sceneIndex: 1 } });
    expect(first.status).toBe(202);
    // a client retrying the same request while it draws gets the same prediction
    const retried = await call(r.seedGenerate, { method: "POST", body: { prompt: created.body.scenes[1].imagePrompt, projectId, sceneIndex: 1 } });
    expect(retried.body.predictionId).toBe(first.body.predictionId);

    const prompt = "a greedy bai in a rich silk robe counting gold coins inside a yurt";
    const second = await call(r.seedGenerate, { method: "POST", body: { prompt, projectId, sceneIndex: 1 } });
    expect(second.status).toBe(202);
    expect(second.body.predictionId).not.toBe(first.body.predictionId);
    expect(fake.predictions.get(second.body.predictionId)!.input).toMatchObject({ prompt });
    expect(fake.count("create")).toBe(2);
    const sb = (await call(r.one, { params: { id: projectId } })).body.storyboard;
    expect(sb.scenes[1].latestFrame).toMatchObject({ predictionId: second.body.predictionId });
  });

  it("POST /api/storyboard names the allowed targetDuration values; a malformed id answers 400, an unknown one 404", async () => {
    const r = await routes();
    const res = await call(r.seedStoryboard, { method: "POST", body: { prompt: "A kite festival", targetDuration: 20 } });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: "targetDuration", message: "must be 15, 30 or 60 (seconds)" })]);
    expect(res.body.error.message).toContain("15, 30 or 60");

    const malformed = await call(r.seedPoll, { params: { predictionId: "not an id!" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("INVALID_REQUEST");
    expect((await call(r.one, { params: { id: "../etc" } })).status).toBe(400);
    expect((await call(r.seedPoll, { params: { predictionId: "wellformedbutunknown" } })).status).toBe(404);
  });

  it("answers 404 for an unknown projectId, scene index or prediction, and 400 with issues for a bad body", async () => {
    const r = await routes();
    const unknown = await call(r.seedGenerate, { method: "POST", body: { prompt: "x", projectId: "no-such-project", sceneIndex: 0 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });

    const created = await call(r.seedStoryboard, { method: "POST", body: { prompt: "A kite festival on a windy beach" } });
    const outOfRange = await call(r.seedGenerate, { method: "POST", body: { prompt: "x", projectId: created.body.projectId, sceneIndex: 5 } });
    expect(outOfRange.status).toBe(404);

    const bad = await call(r.seedGenerate, { method: "POST", body: { prompt: "", sceneIndex: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.success).toBe(false);
    expect(bad.body.error.code).toBe("INVALID_REQUEST");
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["projectId", "prompt", "sceneIndex"]);

    const poll = await call(r.seedPoll, { params: { predictionId: "nosuchprediction" } });
    expect(poll.status).toBe(404);
    expect(fake.count("create")).toBe(0);
  });

  it("a frame that failed for good answers the seed poll with the error envelope", async () => {
    const r = await routes();
    const created = await call(r.seedStoryboard, { method: "POST", body: { prompt: "A night market in the rain" } });
    fake.script({ statuses: ["starting", "failed"], error: "NSFW content detected" });
    const started = await call(r.seedGenerate, { method: "POST", body: { prompt: "x", projectId: created.body.projectId, sceneIndex: 0 } });
    tick();
    const res = await call(r.seedPoll, { params: { predictionId: started.body.predictionId } });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ success: false, error: { code: "PREDICTION_FAILED" } });
  });
});

describe("cancel", () => {
  it("cancels an in-flight frame upstream; a late success is ignored", async () => {
    const r = await routes();
    const { sb, frameId, predictionId } = await generateOne(r);
    tick();
    await call(r.frame, { params: { id: frameId } }); // now processing
    const res = await call(r.cancel, { method: "POST", params: { id: frameId } });
    expect(res.status).toBe(200);
    expect(res.body.frame).toMatchObject({ status: "canceled", errorCode: "CANCELED" });
    expect(fake.count("cancel", predictionId!)).toBe(1);
    expect(fake.status(fake.predictions.get(predictionId!)!)).toBe("canceled");

    // Replicate finished it anyway: nothing moves, nothing is downloaded, nothing charged
    fake.setStatus(predictionId!, "succeeded");
    const gets = fake.count("get", predictionId!);
    for (let i = 0; i < 3; i++) {
      tick();
      expect((await call(r.frame, { params: { id: frameId } })).body.frame.status).toBe("canceled");
    }
    const progress = (await call(r.status, { params: { id: sb.id } })).body.progress;
    expect(progress.cost.actual).toBe(0);
    expect(fake.count("get", predictionId!)).toBe(gets);
    expect(fake.count("download", predictionId!)).toBe(0);
    await expectNothingStored(await frameRow(frameId));

    // canceling again is a no-op
    expect((await call(r.cancel, { method: "POST", params: { id: frameId } })).body.frame.status).toBe("canceled");
    expect(fake.count("cancel", predictionId!)).toBe(1);
  });

  it("a cancel that Replicate refuses still cancels the frame", async () => {
    const r = await routes();
    const { frameId, predictionId } = await generateOne(r);
    fake.fault("cancel", () => serverError(500), { predictionId: predictionId! });
    const res = await call(r.cancel, { method: "POST", params: { id: frameId } });
    expect(res.body.frame.status).toBe("canceled");
    expect(fake.count("cancel", predictionId!)).toBe(1);
  });
});

describe("ReplicateProvider against the fake", () => {
  const input = {
    prompt: "a lighthouse at night",
    aspectRatio: "2.39:1" as const,
    seed: 42,
    outputFormat: "webp" as const,
    referenceImageUrl: null,
    scene: null,
    webhookUrl: null,
  };
  async function provider(timeoutMs?: number) {
    const { ReplicateProvider } = await import("@/lib/providers/replicate/provider");
    const { resolveReplicateModel } = await import("@/lib/providers/replicate/models");
    const { downloadPolicy } = await import("@/lib/providers/get-provider");
    const { env } = await import("@/lib/config/env");
    return new ReplicateProvider({
      token: "r8_test",
      model: resolveReplicateModel("flux-schnell"),
      download: downloadPolicy(env()),
      timeoutMs,
    });
  }
  const failureOf = (e: unknown) => (e as { failure?: unknown }).failure;

  it.each([
    [401, "AUTHENTICATION_FAILED", false],
    [403, "AUTHENTICATION_FAILED", false],
    [402, "PAYMENT_REQUIRED", false],
    [404, "NOT_FOUND", false],
    [422, "INVALID_INPUT", false],
    [500, "PROVIDER_ERROR", true],
    [502, "PROVIDER_ERROR", true],
  ])("create answered HTTP %i → %s (retryable: %s), asked once", async (status, code, retryable) => {
    fake.fault("create", () => serverError(status));
    const p = await provider();
    expect(failureOf(await p.start(input).catch((e) => e))).toMatchObject({ code, retryable });
    expect(fake.count("create")).toBe(1);
  });

  it("a 429 without Retry-After takes the wait from Replicate's message", async () => {
    fake.fault("create", () =>
      Response.json({ detail: "Request was throttled. Your rate limit resets in ~12s." }, { status: 429 }),
    );
    expect(failureOf(await (await provider()).start(input).catch((e) => e))).toMatchObject({
      code: "RATE_LIMIT",
      retryable: true,
      retryAfterSeconds: 12,
    });
    expect(fake.count("create")).toBe(1);
  });

  it("a create that never answers → TIMEOUT, asked once (no duplicate prediction)", async () => {
    const { delay } = await import("msw");
    fake.fault("create", async () => {
      await delay("infinite");
      return serverError(500);
    });
    expect(failureOf(await (await provider(100)).start(input).catch((e) => e))).toMatchObject({ code: "TIMEOUT", retryable: true });
    expect(fake.count("create")).toBe(1);
  });

  it("a 5xx on GET is asked once, not six times", async () => {
    const p = await provider();
    const started = await p.start(input);
    fake.fault("get", () => serverError(503), { times: 10 });
    expect(failureOf(await p.get(started.id).catch((e) => e))).toMatchObject({ code: "PROVIDER_ERROR", message: "Replicate answered HTTP 503." });
    expect(fake.count("get")).toBe(1);
  });

  it("maps 2.39:1 to flux's 21:9 and reads an aborted prediction as canceled", async () => {
    const p = await provider();
    const started = await p.start(input);
    expect(fake.predictions.get(started.id)!.input).toMatchObject({ aspect_ratio: "21:9", seed: 42 });
    fake.setStatus(started.id, "aborted");
    expect((await p.get(started.id)).status).toBe("canceled");
  });

  it("checks a token with GET /v1/account", async () => {
    const { checkReplicateToken } = await import("@/lib/providers/replicate/check-token");
    expect(await checkReplicateToken("r8_good")).toMatchObject({ keySet: true, valid: true, account: "storyframe-test" });
    fake.fault("account", () => Response.json({ detail: "Invalid token." }, { status: 401 }));
    expect(await checkReplicateToken("r8_bad")).toMatchObject({ valid: false, error: { code: "AUTHENTICATION_FAILED" } });
  });
});
