// What the two poll routes do per request, without Next and HTTP: the lib calls of
// GET /api/generate-image/:predictionId and GET /api/storyboards/:id/status on a stored 10-frame
// storyboard (temp libSQL file + LocalStorage), plus the JSON serialization. Set against the
// server's CPU per request (run.ts section 3) it splits the cost into "ours" and "framework".
// Prints one JSON line.
//
//   node --conditions=react-server --import tsx scripts/bench/route-work.ts [--iterations 400] [--images DIR]
//
// Like finalize.ts, run.ts starts it inside the build snapshot so "@/lib/…" is the measured code.

import { mkdtemp, rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import os from "node:os";
import path from "node:path";
import { cachedTestImage } from "./lib/test-image";
import { percentile } from "./lib/stats";

export type RouteWorkResult = {
  iterations: number;
  /** CPU ms (user + system) and wall ms per call, median of the samples. */
  seedPoll: { cpuMs: number; wallP50Ms: number; queries: number };
  status: { cpuMs: number; wallP50Ms: number; queries: number };
  /** The same with If-None-Match of the current ETag: what a 304 costs in our code. */
  seedPoll304?: { cpuMs: number; wallP50Ms: number; queries: number };
  status304?: { cpuMs: number; wallP50Ms: number; queries: number };
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      iterations: { type: "string", default: "400" },
      images: { type: "string", default: path.join(process.cwd(), "bench", "tmp", "images") },
    },
  });
  const iterations = Number(values.iterations);
  const [{ openDatabase }, { LocalStorage }, { finalizeFrame }, { insertFrame }, schema, access, { pollFrame }, { toFrameDto }, { seedPollResponse }, gen] =
    await Promise.all([
      import("@/lib/db/client"),
      import("@/lib/storage/local"),
      import("@/lib/generation/finalize-frame"),
      import("@/lib/db/queries/frames"),
      import("@/lib/db/schema"),
      import("@/lib/storyboards/frame-access"),
      import("@/lib/generation/poll-frame"),
      import("@/lib/storyboards/to-dto"),
      import("@/lib/storyboards/seed-api"),
      import("@/lib/storyboards/storyboard-generation"),
    ]);
  const cacheable = await import("@/lib/storyboards/cacheable-polls");
  const { env } = await import("@/lib/config/env");
  type GenerationDeps = import("@/lib/generation/deps").GenerationDeps;
  type ImageProvider = import("@/lib/providers/types").ImageProvider;

  const dir = await mkdtemp(path.join(os.tmpdir(), "storyframe-bench-routes-"));
  try {
    const { db, client } = await openDatabase(`file:${path.join(dir, "bench.db")}`);
    // Count statements: the libSQL client is the one door to the database.
    let queries = 0;
    const execute = client.execute.bind(client);
    client.execute = ((...args: Parameters<typeof execute>) => {
      queries++;
      return execute(...args);
    }) as typeof client.execute;
    const batch = client.batch.bind(client);
    client.batch = ((...args: Parameters<typeof batch>) => {
      queries++;
      return batch(...args);
    }) as typeof client.batch;

    const storage = new LocalStorage(path.join(dir, "files"));
    const images = new Map<string, Buffer>();
    for (let i = 0; i < 10; i++) {
      images.set(`bench://${i}`, await cachedTestImage(values.images, { width: 1344, height: 768, format: "webp", variant: 200 + i }));
    }
    const provider: ImageProvider = {
      id: "replicate",
      model: { key: "flux-schnell", ref: "black-forest-labs/flux-schnell", label: "bench", pricePerImage: 0.003, supportsReferenceImage: false },
      start: () => Promise.reject(new Error("not used")),
      get: () => Promise.reject(new Error("not used")),
      cancel: () => Promise.resolve(),
      fetchOutput: async (output) => Buffer.from(images.get(output)!),
    };
    const deps: GenerationDeps = { db, storage, providerFor: () => provider, now: () => new Date(), checkIntervalMs: 1000, leaseMs: 60_000 };

    const storyboardId = "bench-storyboard";
    await db.insert(schema.storyboards).values({
      id: storyboardId,
      title: "Bench",
      prompt: "bench",
      sourceKind: "idea",
      style: "cinematic",
      aspectRatio: "16:9",
      targetDuration: 40,
      plannerUsed: "llm",
      status: "ready",
    });
    for (let i = 0; i < 10; i++) {
      await db.insert(schema.scenes).values({
        id: `scene-${i}`,
        storyboardId,
        order: i + 1,
        description: "Maya climbs the lighthouse stairs as the storm builds over the harbour.",
        imagePrompt: "Storyboard frame, Maya in a lighthouse during a winter storm, wide shot, pencil sketch",
        durationSeconds: 4,
        shotType: "wide",
        cameraMove: "static",
        characters: ["Maya"],
      });
      const frame = await insertFrame({
        db,
        frame: {
          id: `frame-${i}`,
          sceneId: `scene-${i}`,
          storyboardId,
          provider: "replicate",
          model: "flux-schnell",
          predictionId: `pred${i}`,
          status: "processing",
          input: { prompt: "bench", aspectRatio: "16:9", seed: i, outputFormat: "webp", referenceImageUrl: null, scene: null, webhookUrl: null },
          seed: i,
          unitPrice: 0.003,
        },
      });
      await finalizeFrame(deps, frame, `bench://${i}`);
    }

    // What the routes do (app/api/generate-image/[predictionId], app/api/storyboards/[id]/status).
    const config = env();
    const seedArgs = (ifNoneMatch: string | null) => ({ workspaceId: "default", predictionId: "pred3", ifNoneMatch, config });
    const seedPoll = async () => {
      const answer = await cacheable.seedPollAnswer(deps, seedArgs(null));
      return answer.notModified ? "" : JSON.stringify(answer.body);
    };
    const scope = { workspaceId: "default", storyboardId, config };
    const status = async () => {
      const progress = await gen.pollStoryboardProgress(deps, { workspaceId: "default", storyboardId });
      const etag = progress.stage === "generating" ? null : await cacheable.statusEtag(deps, scope);
      return JSON.stringify({ success: true, progress }) + (etag ?? "");
    };
    const seedEtag = (await cacheable.seedPollAnswer(deps, seedArgs(null))).etag!;
    const statusEtag = (await cacheable.statusEtag(deps, scope))!;
    const seedPoll304 = async () => {
      const answer = await cacheable.seedPollAnswer(deps, seedArgs(seedEtag));
      if (!answer.notModified) throw new Error("expected a 304");
      return answer.etag;
    };
    const status304 = async () => {
      const etag = await cacheable.statusEtag(deps, scope);
      if (etag !== statusEtag) throw new Error("expected a 304");
      return etag;
    };
    void access;
    void pollFrame;
    void toFrameDto;
    void seedPollResponse;

    const measure = async (work: () => Promise<string>) => {
      for (let i = 0; i < 50; i++) await work(); // warm-up: JIT and prepared paths
      const walls: number[] = [];
      const before = queries;
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < iterations; i++) {
        const t = performance.now();
        await work();
        walls.push(performance.now() - t);
      }
      const cpu = process.cpuUsage(cpu0);
      return { cpuMs: (cpu.user + cpu.system) / 1000 / iterations, wallP50Ms: percentile(walls, 50), queries: (queries - before) / iterations };
    };
    const result: RouteWorkResult = {
      iterations,
      seedPoll: await measure(seedPoll),
      status: await measure(status),
      seedPoll304: await measure(seedPoll304),
      status304: await measure(status304),
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
    client.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
