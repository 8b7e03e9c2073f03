import { existsSync } from "node:fs";
import path from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/config/env";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { backgroundCount, backgroundIdle } from "@/lib/generation/background";
import { firstCheckDelayMs } from "@/lib/generation/check-schedule";
import { call, useTempAppEnv } from "../helpers/app-env";
import { ReplicateFake } from "../helpers/replicate-msw";

// Frames reach storage with nobody polling: POST …/generate answers, and its background work
// (after() on a server) creates each prediction in sync mode and stores the output. Nothing here
// polls until the frames are checked in the database.

const fake = new ReplicateFake();
const server = setupServer(...fake.handlers);
let storageDir: string;

beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv({ REPLICATE_API_TOKEN: "r8_test0000000000000000000000000000000000", IMAGE_PROVIDER: "replicate" }));
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  fake.reset();
  server.resetHandlers();
  process.env.IMAGE_PROVIDER = "replicate";
  resetEnvForTests();
});
afterAll(() => server.close());

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  frame: (await import("@/app/api/frames/[id]/route")).GET,
  cancel: (await import("@/app/api/frames/[id]/cancel/route")).POST,
});
const db = async () => (await import("@/lib/db/client")).getDb();

async function storyboard(frameCount: number): Promise<string> {
  const r = await routes();
  const res = await call(r.create, { method: "POST", body: { prompt: "A lantern maker opens her shop at dawn", frameCount } });
  expect(res.status).toBe(201);
  return res.body.storyboard.id;
}

async function expectAllStored(id: string, count: number) {
  const frames = await listFramesByStoryboard({ db: await db(), storyboardId: id });
  expect(frames).toHaveLength(count);
  for (const f of frames) {
    expect(f.status).toBe("succeeded");
    for (const key of [f.originalKey!, f.displayKey!, f.thumbnailKey!]) expect(existsSync(path.join(storageDir, key))).toBe(true);
  }
  return frames;
}

describe("no tab polling", () => {
  it("Replicate, sync mode: the answer leaves first, then every frame is stored with one call each", async () => {
    const r = await routes();
    const id = await storyboard(5);
    const res = await call(r.generate, { method: "POST", params: { id }, settle: false });
    expect(res.status).toBe(202);
    // answered before any prediction was created: the frames are queued, the work is in the background
    expect(res.body.frames.map((f: { status: string }) => f.status)).toEqual(Array(5).fill("queued"));
    expect(backgroundCount()).toBeGreaterThan(0);

    await backgroundIdle(); // what after() lets finish on a server: no client request at all
    const frames = await expectAllStored(id, 5);
    expect(fake.count("create")).toBe(5);
    expect(fake.count("get")).toBe(0);
    expect(fake.count("download")).toBe(5);
    for (const c of fake.creates) expect(c.prefer).toBe("wait=30");
    for (const f of frames) expect(f.predictionId).toMatch(/^[a-z2-7]{26}$/);
  });

  it("the embedded sketch renderer finishes in the background too", async () => {
    process.env.IMAGE_PROVIDER = "sketch";
    resetEnvForTests();
    const r = await routes();
    const id = await storyboard(3);
    const res = await call(r.generate, { method: "POST", params: { id }, settle: false });
    expect(res.status).toBe(202);
    await backgroundIdle();
    const frames = await expectAllStored(id, 3);
    for (const f of frames) expect(f.provider).toBe("sketch");
    expect(fake.count("create")).toBe(0);
  });

  it("a sync create that comes back unfinished: the background work checks once, at the model's expected finish, and stores it", async () => {
    const r = await routes();
    const id = await storyboard(3);
    fake.setDefaultScript({ statuses: ["starting", "processing"] }); // still running when the wait ends
    const started = await call(r.generate, { method: "POST", params: { id }, settle: false });
    expect(started.status).toBe(202);
    // the creates came back "processing": rows record their prediction and the first check's time
    let rows = await listFramesByStoryboard({ db: await db(), storyboardId: id });
    for (let i = 0; i < 100 && rows.some((f) => !f.predictionId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      rows = await listFramesByStoryboard({ db: await db(), storyboardId: id });
    }
    for (const row of rows) {
      expect(row.status).toBe("processing");
      // the earlier tests' frames ran 0.734 s (predict_time): first check ≈ 0.92 s after the start
      const delay = row.nextCheckAt!.getTime() - row.updatedAt.getTime();
      expect(delay).toBeGreaterThan(700);
      expect(delay).toBeLessThan(1200);
      fake.setStatus(row.predictionId!, "succeeded"); // Replicate finishes meanwhile
    }
    // a poll before then answers from the database: no GET
    await call(r.frame, { params: { id: rows[0]!.id }, settle: false });
    expect(fake.count("get")).toBe(0);

    await backgroundIdle(); // nobody polls: the background work's own check finds each output
    await expectAllStored(id, 3);
    expect(fake.count("create")).toBe(3);
    expect(fake.count("get")).toBe(3); // one check per frame, at its expected finish
  });
});

describe("canceled while the sync create is open", () => {
  it("the frame stays canceled and the prediction is stopped upstream", async () => {
    const r = await routes();
    const id = await storyboard(3);
    fake.setDefaultScript({});
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { HttpResponse } = await import("msw");
    // the first create is held open (sync mode waits for the output) until the test lets it answer
    fake.fault(
      "create",
      async () => {
        await gate;
        return HttpResponse.json({ id: "heldheldheldheldheldheldhe", status: "succeeded", output: ["https://replicate.delivery/xezq/x/out-0.webp"], metrics: { predict_time: 1 } }, { status: 201 });
      },
      { times: 1 },
    );
    const started = await call(r.generate, { method: "POST", params: { id }, settle: false });
    const frames = started.body.frames as { frameId: string }[];
    await new Promise((resolve) => setTimeout(resolve, 200)); // the creates are out
    const held = (await listFramesByStoryboard({ db: await db(), storyboardId: id })).find((f) => !f.predictionId)!;
    const canceled = await call(r.cancel, { method: "POST", params: { id: held.id }, settle: false });
    expect(canceled.body.frame.status).toBe("canceled");
    release();
    await backgroundIdle();
    const rows = await listFramesByStoryboard({ db: await db(), storyboardId: id });
    expect(rows.find((f) => f.id === held.id)!.status).toBe("canceled");
    expect(rows.filter((f) => f.status === "succeeded")).toHaveLength(frames.length - 1);
    expect(fake.log.filter((e) => e.kind === "cancel").map((e) => e.path)).toEqual(["/v1/predictions/heldheldheldheldheldheldhe/cancel"]);
  });
});

describe("firstCheckDelayMs", () => {
  it.each([
    { times: [], webhook: false, expected: 1000 },
    { times: [2, 2, 2, 2, 2], webhook: false, expected: 2 * 1120 + 100 },
    // the 80th percentile: one slow outlier of ten does not push every first check late
    { times: [1, 1, 1, 1, 1, 1, 1, 1, 1, 9], webhook: false, expected: 1120 + 100 },
    { times: [0.1], webhook: false, expected: 500 },
    { times: [100], webhook: false, expected: 60_000 },
    { times: [2], webhook: true, expected: 2 * 1120 + 100 + 15_000 },
  ])("recent run times $times (webhook: $webhook) → $expected ms", ({ times, webhook, expected }) => {
    expect(firstCheckDelayMs({ predictTimesSeconds: times, intervalMs: 1000, webhook })).toBeCloseTo(expected, 6);
  });
});

describe("nextFollowUpAt", () => {
  const T = Date.UTC(2026, 0, 1);
  const base = {
    status: "processing" as const,
    nextAttemptAt: null,
    input: { webhookUrl: null } as never,
    leaseExpiresAt: null,
    nextCheckAt: null as Date | null,
    lastCheckedAt: null as Date | null,
    createdAt: new Date(T),
  };
  it.each([
    // first look: the expected finish
    { name: "not yet checked, expected finish ahead", frame: { nextCheckAt: new Date(T + 2400) }, now: T + 100, expected: T + 2400 },
    // a 2 s job just past its first check: one interval later
    { name: "checked at 2.4 s", frame: { nextCheckAt: new Date(T + 2400), lastCheckedAt: new Date(T + 2400) }, now: T + 2400, expected: T + 3400 },
    // a long job: a quarter of its age apart, capped at 10 s
    { name: "checked at 20 s", frame: { lastCheckedAt: new Date(T + 20_000) }, now: T + 20_000, expected: T + 25_000 },
    { name: "checked at 5 min", frame: { lastCheckedAt: new Date(T + 300_000) }, now: T + 300_000, expected: T + 310_000 },
    { name: "a due retry", frame: { status: "failed" as const, nextAttemptAt: new Date(T + 4000) }, now: T, expected: T + 4000 },
    { name: "failed for good", frame: { status: "failed" as const }, now: T, expected: null },
    { name: "succeeded", frame: { status: "succeeded" as const }, now: T, expected: null },
    { name: "queued (someone else starts it)", frame: { status: "queued" as const }, now: T, expected: null },
    { name: "a webhook tells us", frame: { input: { webhookUrl: "https://x.example/api/webhooks/replicate" } as never }, now: T, expected: null },
  ])("$name", async ({ frame, now, expected }) => {
    const { nextFollowUpAt } = await import("@/lib/generation/follow-frame");
    expect(nextFollowUpAt({ ...base, ...frame }, 1000, now)).toBe(expected);
  });
});
