import { readdir } from "node:fs/promises";
import path from "node:path";
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { backgroundIdle } from "@/lib/generation/background";
import { call, useTempAppEnv } from "../helpers/app-env";
import { ReplicateFake } from "../helpers/replicate-msw";

// Deleting a storyboard stops what it still costs: its running predictions are canceled upstream,
// and nothing in flight (a start, a finalizer holding its lease) leaves files or predictions behind.

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
});
afterAll(() => server.close());

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  one: await import("@/app/api/storyboards/[id]/route"),
  frame: (await import("@/app/api/frames/[id]/route")).GET,
});

async function generating(frameCount: number) {
  const r = await routes();
  const created = await call(r.create, { method: "POST", body: { prompt: "A night market where lanterns float away", frameCount } });
  const id = created.body.storyboard.id as string;
  const started = await call(r.generate, { method: "POST", params: { id } });
  expect(started.status).toBe(202);
  return { r, id, frames: started.body.frames as { frameId: string; predictionId: string }[] };
}

async function filesUnder(storyboardId: string): Promise<string[]> {
  const entries = await readdir(path.join(storageDir, "storyboards", storyboardId), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe("DELETE /api/storyboards/:id while generating", () => {
  it("cancels every running prediction upstream: N creates, N cancels", async () => {
    const { r, id, frames } = await generating(5);
    expect(fake.count("create")).toBe(5);
    const res = await call(r.one.DELETE, { method: "DELETE", params: { id } });
    expect(res.status).toBe(200);
    expect(fake.count("cancel")).toBe(5);
    for (const f of frames) expect(fake.count("cancel", f.predictionId)).toBe(1);
    // Soft delete: the rows stay (for restore), every one of them stopped.
    const rows = await listFramesByStoryboard({ db: await (await import("@/lib/db/client")).getDb(), storyboardId: id });
    expect(rows.map((f) => f.status)).toEqual(Array(5).fill("canceled"));
  });

  it("a finalizer already holding its lease leaves no files in the deleted storyboard's folder once purged", async () => {
    const { r, id, frames } = await generating(3);
    const [first, ...rest] = frames;
    fake.setStatus(first!.predictionId, "succeeded");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.fault(
      "download",
      async () => {
        await gate; // the download finishes only after the storyboard is gone
        const bytes = await fake.imageOf(fake.predictions.get(first!.predictionId)!);
        return new HttpResponse(new Uint8Array(bytes), { headers: { "content-type": "image/webp" } });
      },
      { predictionId: first!.predictionId },
    );
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the shared-poll interval: this poll asks Replicate
    const poll = call(r.frame, { params: { id: first!.frameId }, settle: false });
    await until(() => fake.count("download", first!.predictionId) === 1);

    expect((await call(r.one.DELETE, { method: "DELETE", params: { id }, settle: false })).status).toBe(200);
    // the finalizing one is already paid for; the others are stopped
    expect(fake.count("cancel")).toBe(rest.length);
    release();
    await poll;
    await backgroundIdle(); // the poll answered "finalizing"; its storing ends after the delete
    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const { purgeDeleted } = await import("@/lib/storyboards/purge-deleted");
    const deps = await appGenerationDeps();
    await purgeDeleted({ ...deps, now: () => new Date(Date.now() + 31 * 24 * 3600 * 1000) });
    expect(await filesUnder(id)).toEqual([]);
  });

  it("a start in flight when the storyboard is deleted cancels the prediction it just created", async () => {
    const { getDb } = await import("@/lib/db/client");
    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const { startFrame } = await import("@/lib/generation/start-frame");
    const { insertFrame } = await import("@/lib/db/queries/frames");
    const { deleteStoryboardById } = await import("@/lib/db/queries/storyboards");
    const r = await routes();
    const created = await call(r.create, { method: "POST", body: { prompt: "A kite caught in a clock tower", frameCount: 3 } });
    const sb = created.body.storyboard;
    const deps = await appGenerationDeps();
    const queued = await insertFrame({
      db: await getDb(),
      frame: {
        id: "frame-deleted-mid-start",
        sceneId: sb.scenes[0].id,
        storyboardId: sb.id,
        provider: "replicate",
        model: "flux-schnell",
        input: { prompt: "a kite", aspectRatio: "16:9", seed: 1, outputFormat: "webp", referenceImageUrl: null, scene: null, webhookUrl: null },
      },
    });
    const provider = deps.providerFor(queued);
    const racing = {
      ...deps,
      providerFor: () => ({
        ...provider,
        start: async (input: Parameters<typeof provider.start>[0]) => {
          const prediction = await provider.start(input);
          await deleteStoryboardById({ db: deps.db, workspaceId: "default", id: sb.id }); // the DELETE lands now
          return prediction;
        },
        cancel: (predictionId: string) => provider.cancel(predictionId),
      }),
    };
    await startFrame(racing, queued);
    expect(fake.count("create")).toBe(1);
    expect(fake.count("cancel")).toBe(1);
  });
});
