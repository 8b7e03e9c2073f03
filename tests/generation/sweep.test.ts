import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFrameById, insertFrame, updateFrameIfStatus } from "@/lib/db/queries/frames";
import { call, useTempAppEnv } from "../helpers/app-env";
import { ReplicateFake } from "../helpers/replicate-msw";

// The sweep advances what a cut-off function left behind. It is called by a scheduler, so it is
// authenticated by CRON_SECRET and must be safe to call again and again.

const SECRET = "cron-secret-for-tests-0123456789";
const fake = new ReplicateFake();
const server = setupServer(...fake.handlers);

beforeAll(async () => {
  await useTempAppEnv({ REPLICATE_API_TOKEN: "r8_test0000000000000000000000000000000000", IMAGE_PROVIDER: "replicate", CRON_SECRET: SECRET });
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => server.close());

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  sweep: await import("@/app/api/cron/sweep/route"),
});
const db = async () => (await import("@/lib/db/client")).getDb();
const auth = { authorization: `Bearer ${SECRET}` };

describe("POST/GET /api/cron/sweep", () => {
  it("refuses a missing or wrong secret with 401 and the error envelope", async () => {
    const { sweep } = await routes();
    for (const headers of [{}, { authorization: "Bearer nope" }, { authorization: SECRET }] as Record<string, string>[]) {
      const res = await call(sweep.POST, { method: "POST", headers });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
    }
    expect(fake.count("create")).toBe(0);
  });

  it("starts a frame whose start was cut off and one whose prediction nobody polls, then stores both; again: nothing to do", async () => {
    const r = await routes();
    const sb = (await call(r.create, { method: "POST", body: { prompt: "A fox steals a scarf from a market stall", frameCount: 3 } })).body.storyboard;
    const d = await db();
    const input = { prompt: "a fox", aspectRatio: "16:9" as const, seed: 1, outputFormat: "webp" as const, referenceImageUrl: null, scene: null, webhookUrl: null };
    const long = new Date(Date.now() - 60_000);
    // 1: queued, never started (the function died before its background work ran)
    const queued = await insertFrame({
      db: d,
      frame: { id: "sweep-queued", sceneId: sb.scenes[0].id, storyboardId: sb.id, provider: "replicate", model: "flux-schnell", status: "queued", attempt: 1, input, seed: 1, createdAt: long, updatedAt: long },
    });
    // 2: a prediction Replicate finished long ago, in a row nobody has polled since
    const { ReplicateProvider } = await import("@/lib/providers/replicate/provider");
    const { resolveReplicateModel } = await import("@/lib/providers/replicate/models");
    const provider = new ReplicateProvider({
      token: "r8_test0000000000000000000000000000000000",
      model: resolveReplicateModel("flux-schnell"),
      download: { allowedHosts: ["replicate.delivery"], maxBytes: 10_000_000, timeoutMs: 5000, allowPrivate: false },
    });
    const prediction = await provider.start(input);
    fake.setStatus(prediction.id, "succeeded");
    const orphan = await insertFrame({
      db: d,
      frame: { id: "sweep-orphan", sceneId: sb.scenes[1].id, storyboardId: sb.id, provider: "replicate", model: "flux-schnell", status: "processing", predictionId: prediction.id, attempt: 1, input, seed: 1, createdAt: long },
    });
    await updateFrameIfStatus({ db: d, id: orphan.id, fromStatuses: ["processing"], patch: {} });
    await d.run((await import("drizzle-orm")).sql`update frames set updated_at = ${long.getTime()} where id = ${orphan.id}`);

    const res = await call(r.sweep.POST, { method: "POST", headers: auth });
    expect(res.status).toBe(200);
    expect(res.body.frames).toMatchObject({ examined: 2, advanced: 2 });
    expect((await getFrameById({ db: d, id: orphan.id }))!.status).toBe("succeeded");
    // the cut-off start was started now; its prediction is then someone else's (poll, webhook, next sweep) to finish
    const started = (await getFrameById({ db: d, id: queued.id }))!;
    expect(started.predictionId).toMatch(/^[a-z2-7]{26}$/);
    expect(fake.count("create")).toBe(2);

    // idempotent: a second run right away finds nothing new (the started frame is not yet stale) and calls nothing
    const creates = fake.count("create");
    const downloads = fake.count("download");
    const again = await call(r.sweep.GET, { headers: auth }); // Vercel Cron calls with GET
    expect(again.status).toBe(200);
    expect(again.body.frames).toMatchObject({ examined: 0, advanced: 0 });
    expect(fake.count("create")).toBe(creates);
    expect(fake.count("download")).toBe(downloads);
  });

  it("starts a retry that came due with nobody polling, once, however often it runs", async () => {
    const r = await routes();
    const sb = (await call(r.create, { method: "POST", body: { prompt: "A heron waits in the reeds at dawn", frameCount: 3 } })).body.storyboard;
    const d = await db();
    const input = { prompt: "a heron", aspectRatio: "16:9" as const, seed: 2, outputFormat: "webp" as const, referenceImageUrl: null, scene: null, webhookUrl: null };
    const long = new Date(Date.now() - 60_000);
    const failed = await insertFrame({
      db: d,
      frame: {
        id: "sweep-failed-retry-due",
        sceneId: sb.scenes[2].id,
        storyboardId: sb.id,
        provider: "replicate",
        model: "flux-schnell",
        status: "failed",
        predictionId: "oldfailedpredictionxxxxxxx",
        attempt: 1,
        input,
        seed: 2,
        errorCode: "PROVIDER_ERROR",
        nextAttemptAt: new Date(Date.now() - 1000),
        createdAt: long,
        updatedAt: long,
      },
    });
    const creates = fake.count("create");
    const first = await call(r.sweep.POST, { method: "POST", headers: auth });
    expect(first.body.frames).toMatchObject({ examined: 1, advanced: 1 });
    expect(fake.count("create")).toBe(creates + 1);
    const { getRetryOf } = await import("@/lib/db/queries/frames");
    const retry = (await getRetryOf({ db: d, frameId: failed.id }))!;
    expect(retry).toMatchObject({ attempt: 2, status: "starting" });
    // the failed attempt is not swept again: its retry exists
    const again = await call(r.sweep.POST, { method: "POST", headers: auth });
    expect(again.body.frames.examined).toBe(0);
    expect(fake.count("create")).toBe(creates + 1);
  });
});
