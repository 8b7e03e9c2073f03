// Finalization in-process: lib/generation/finalize-frame.ts (lease → fetchOutput → sharp →
// storage → row) on a temporary libSQL file and LocalStorage, with a provider whose fetchOutput
// returns bytes already in memory (the loopback download is measured end to end by run.ts).
// One scenario per process, so the peak RSS belongs to that scenario alone. Prints one JSON line.
//
//   node --conditions=react-server --import tsx --expose-gc scripts/bench/finalize.ts --mp 1 --frames 8 --concurrency 1
//
// "@/lib/…" resolves through the tsconfig of the working directory: run.ts starts it inside the
// build snapshot (bench/tmp/app-*), so it measures the same code as the running app.

import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { cachedTestImage } from "./lib/test-image";
import { mean, percentile } from "./lib/stats";

const SIZES = { 1: { width: 1344, height: 768 }, 2: { width: 1920, height: 1088 } } as const;

export type FinalizeResult = {
  mp: number;
  width: number;
  height: number;
  inputKiB: number;
  frames: number;
  concurrency: number;
  /** Wall time of the measured frames (all of them, however concurrent). */
  wallMs: number;
  /** Per frame, when run one at a time. */
  perFrameMs: { p50: number; mean: number; max: number } | null;
  /** CPU (user + system, every thread of the process, libvips' included) per frame: robust to a busy machine. */
  cpuPerFrameMs: number;
  /** processOutput (sharp: probe, display WebP, thumbnail WebP) alone, one at a time. */
  sharpMs: number | null;
  /** What if the display copy were the original bytes: the thumbnail alone. */
  thumbnailOnlyMs: number | null;
  baselineRssMiB: number;
  peakRssMiB: number;
  /** How the peak was read: the kernel's high-water mark (reset before the work) or sampling. */
  peakSource: "VmHWM" | "sampled";
  succeeded: number;
};

const MiB = 1024 * 1024;

function readHwmKiB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5"); // Linux: resets VmHWM to the current RSS
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mp: { type: "string", default: "1" },
      frames: { type: "string", default: "8" },
      concurrency: { type: "string", default: "1" },
      images: { type: "string", default: path.join(process.cwd(), "bench", "tmp", "images") },
    },
  });
  const imageCache = values.images;
  const mp = Number(values.mp) as 1 | 2;
  const size = SIZES[mp];
  if (!size) throw new Error("--mp must be 1 or 2");
  const frames = Number(values.frames);
  const concurrency = Math.max(1, Number(values.concurrency));

  const [{ openDatabase }, { LocalStorage }, { finalizeFrame }, { processOutput }, { insertFrame }, schema] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/storage/local"),
    import("@/lib/generation/finalize-frame"),
    import("@/lib/generation/process-output"),
    import("@/lib/db/queries/frames"),
    import("@/lib/db/schema"),
  ]);
  type ImageProvider = import("@/lib/providers/types").ImageProvider;
  type GenerationDeps = import("@/lib/generation/deps").GenerationDeps;
  type ImageInput = import("@/lib/providers/types").ImageInput;

  const dir = await mkdtemp(path.join(os.tmpdir(), "storyframe-bench-finalize-"));
  try {
    const { db, client } = await openDatabase(`file:${path.join(dir, "bench.db")}`);
    const storage = new LocalStorage(path.join(dir, "files"));

    // Distinct bytes per frame (content-addressed keys), +1 for the warm-up.
    const images = new Map<string, Buffer>();
    for (let i = 0; i <= frames; i++) {
      images.set(`bench://${i}`, await cachedTestImage(imageCache, { ...size, format: "webp", variant: i + mp * 100 }));
    }
    const provider: ImageProvider = {
      id: "replicate",
      model: { key: "flux-schnell", ref: "black-forest-labs/flux-schnell", label: "bench", pricePerImage: 0.003, supportsReferenceImage: false },
      start: () => Promise.reject(new Error("not used")),
      get: () => Promise.reject(new Error("not used")),
      cancel: () => Promise.resolve(),
      // A fresh buffer, as a download would produce.
      fetchOutput: async (output) => Buffer.from(images.get(output)!),
    };
    const deps: GenerationDeps = {
      db,
      storage,
      providerFor: () => provider,
      now: () => new Date(),
      checkIntervalMs: 1000,
      leaseMs: 60_000,
    };

    const storyboardId = "bench-storyboard";
    await db.insert(schema.storyboards).values({
      id: storyboardId,
      title: "Bench",
      prompt: "bench",
      sourceKind: "idea",
      style: "cinematic",
      aspectRatio: "16:9",
      targetDuration: 40,
      plannerUsed: "embedded",
    });
    const input: ImageInput = {
      prompt: "bench",
      aspectRatio: "16:9",
      seed: 1,
      outputFormat: "webp",
      referenceImageUrl: null,
      scene: null,
      webhookUrl: null,
    };
    const rows = [];
    for (let i = 0; i <= frames; i++) {
      const sceneId = `scene-${i}`;
      await db.insert(schema.scenes).values({
        id: sceneId,
        storyboardId,
        order: i + 1,
        description: "bench",
        imagePrompt: "bench",
        durationSeconds: 4,
        shotType: "wide",
        cameraMove: "static",
      });
      rows.push(
        await insertFrame({
          db,
          frame: {
            id: `frame-${i}`,
            sceneId,
            storyboardId,
            provider: "replicate",
            model: "flux-schnell",
            predictionId: `pred-${i}`,
            status: "processing",
            input,
            seed: 1,
            unitPrice: 0.003,
          },
        }),
      );
    }

    // Warm-up: libvips, the WebP codec and the prepared statements start once per process.
    await finalizeFrame(deps, rows[0]!, "bench://0");
    const measured = rows.slice(1);

    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage.rss();
    const hwmReset = resetPeak();
    let sampled = baseline;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, process.memoryUsage.rss());
    }, 2);

    const perFrame: number[] = [];
    let succeeded = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, measured.length) }, async () => {
        while (next < measured.length) {
          const i = next++;
          const begin = performance.now();
          const row = await finalizeFrame(deps, measured[i]!, `bench://${i + 1}`);
          perFrame.push(performance.now() - begin);
          if (row.status === "succeeded") succeeded++;
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    sampled = Math.max(sampled, process.memoryUsage.rss());
    const hwm = hwmReset ? readHwmKiB() : null;
    const peak = hwm !== null ? Math.max(hwm * 1024, sampled) : sampled;

    // The sharp share alone, and the what-if without a display re-encode (one at a time).
    let sharpMs: number | null = null;
    let thumbnailOnlyMs: number | null = null;
    if (concurrency === 1) {
      const sharpTimes: number[] = [];
      const thumbTimes: number[] = [];
      for (let i = 1; i <= frames; i++) {
        const bytes = images.get(`bench://${i}`)!;
        let t = performance.now();
        await processOutput(bytes);
        sharpTimes.push(performance.now() - t);
        t = performance.now();
        await sharp(bytes).metadata();
        await sharp(bytes).rotate().resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
        thumbTimes.push(performance.now() - t);
      }
      sharpMs = mean(sharpTimes);
      thumbnailOnlyMs = mean(thumbTimes);
    }

    const result: FinalizeResult = {
      mp: (size.width * size.height) / 1e6,
      width: size.width,
      height: size.height,
      inputKiB: Math.round(images.get("bench://1")!.length / 1024),
      frames: measured.length,
      concurrency,
      wallMs,
      perFrameMs: concurrency === 1 ? { p50: percentile(perFrame, 50), mean: mean(perFrame), max: Math.max(...perFrame) } : null,
      cpuPerFrameMs: (cpu.user + cpu.system) / 1000 / measured.length,
      sharpMs,
      thumbnailOnlyMs,
      baselineRssMiB: baseline / MiB,
      peakRssMiB: peak / MiB,
      peakSource: hwm !== null ? "VmHWM" : "sampled",
      succeeded,
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
