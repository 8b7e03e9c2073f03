import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { type AnimaticOptions, openAnimaticStream, renderAnimatic } from "@/lib/export/animatic";
import { probeFfmpeg, resolveFfmpeg } from "@/lib/export/ffmpeg";
import { warnIfMissing } from "@/tests/helpers/missing-tool";
import { AppError } from "@/lib/errors";
import { buildStoryboard } from "@/tests/export/fixtures";
import { collect } from "@/tests/export/zip-reader";

const run = promisify(execFile);
const paths = resolveFfmpeg({ FFMPEG_PATH: process.env.FFMPEG_PATH, FFPROBE_PATH: process.env.FFPROBE_PATH });
const ffmpeg = await probeFfmpeg(paths);
warnIfMissing(ffmpeg.ok, "ffmpeg", "the MP4 rendering tests in tests/export/animatic.test.ts");

type Probe = { codec: string; pixFmt: string; width: number; height: number; duration: number };

async function ffprobe(file: string): Promise<Probe> {
  const { stdout } = await run(paths.ffprobe, [
    "-v",
    "error",
    "-select_streams",
    "v:0",
    "-show_entries",
    "stream=codec_name,pix_fmt,width,height:format=duration",
    "-of",
    "json",
    file,
  ]);
  const json = JSON.parse(stdout) as { streams: Array<Record<string, string | number>>; format: { duration: string } };
  const stream = json.streams[0] ?? {};
  return {
    codec: String(stream.codec_name),
    pixFmt: String(stream.pix_fmt),
    width: Number(stream.width),
    height: Number(stream.height),
    duration: Number(json.format.duration),
  };
}

/** Command lines of running processes that mention `needle` (empty where `ps` is unavailable). */
async function processesMentioning(needle: string): Promise<string[]> {
  const { stdout } = await run("ps", ["-eo", "args"]).catch(() => ({ stdout: "" }));
  return stdout.split("\n").filter((line) => line.includes(needle) && !line.startsWith("ps "));
}

let tempRoot: string;
beforeEach(async () => {
  tempRoot = await mkdtemp(path.join(os.tmpdir(), "storyframe-animatic-test-"));
});
afterEach(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

function options(overrides: Partial<AnimaticOptions> = {}): AnimaticOptions {
  return { ffmpegPath: paths.ffmpeg, captions: true, width: 320, timeoutMs: 60_000, maxBytes: 50_000_000, tempRoot, ...overrides };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("renderAnimatic without ffmpeg", () => {
  it("fails with FFMPEG_MISSING and the install hint, leaving nothing behind", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 2, durations: [1, 1] });
    const error = await expectAppError(renderAnimatic(sb, read, options({ ffmpegPath: "/nonexistent/ffmpeg" })), "FFMPEG_MISSING");
    expect(error.message).toContain("apt-get install -y ffmpeg");
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it("keeps its deadline when storage hangs", async () => {
    const { sb } = await buildStoryboard({ scenes: 2, durations: [1, 1] });
    const hang = () => new Promise<Buffer>(() => undefined);
    const started = Date.now();
    await expectAppError(renderAnimatic(sb, hang, options({ timeoutMs: 300 })), "TIMEOUT");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await readdir(tempRoot)).toEqual([]);
  });
});

describe.skipIf(!ffmpeg.ok)("renderAnimatic (skipped: ffmpeg is not installed; CI installs it)", () => {
  it("renders an H.264 yuv420p MP4 as long as the scenes, reporting progress, and cleans up", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 3, missing: [2], durations: [1, 2, 1.5] });
    const progress: number[] = [];
    const result = await renderAnimatic(sb, read, options({ onProgress: (f) => progress.push(f) }));
    try {
      const probe = await ffprobe(result.path);
      expect(probe).toMatchObject({ codec: "h264", pixFmt: "yuv420p", width: 320, height: 180 });
      expect(Math.abs(probe.duration - 4.5)).toBeLessThanOrEqual(0.1);
      expect(result).toMatchObject({ width: 320, height: 180, durationSeconds: 4.5 });
      expect(result.bytes).toBeGreaterThan(1000);

      expect(progress.length).toBeGreaterThan(2);
      expect(progress.at(-1)).toBe(1);
      progress.slice(1).forEach((f, i) => expect(f).toBeGreaterThan(progress[i] ?? 0));

      // faststart: the index (moov) comes before the media data (mdat).
      const head = (await readFile(result.path)).subarray(0, 64 * 1024).toString("latin1");
      expect(head.indexOf("moov")).toBeGreaterThan(-1);
      expect(head.indexOf("moov")).toBeLessThan(head.indexOf("mdat"));

      // Only the MP4 is left in the work directory: stills and captions are gone with it on cleanup.
      expect(await readdir(tempRoot)).toHaveLength(1);
    } finally {
      await result.cleanup();
    }
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it.each([
    ["9:16", 180, 180, 320],
    ["2.39:1", 320, 320, 134],
  ] as const)("sizes a %s animatic by its aspect ratio", async (aspectRatio, width, expectedWidth, expectedHeight) => {
    const { sb, read } = await buildStoryboard({ scenes: 2, aspectRatio, durations: [1, 1] });
    const result = await renderAnimatic(sb, read, options({ width, captions: false }));
    try {
      const probe = await ffprobe(result.path);
      expect([probe.width, probe.height]).toEqual([expectedWidth, expectedHeight]);
      expect(Math.abs(probe.duration - 2)).toBeLessThanOrEqual(0.1);
    } finally {
      await result.cleanup();
    }
  });

  it("streams the file and removes the work directory", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 1, durations: [1] });
    const result = await renderAnimatic(sb, read, options());
    const expected = await readFile(result.path);
    const stream = await openAnimaticStream(result);
    if (process.platform !== "win32") expect(await readdir(tempRoot)).toEqual([]);
    expect((await collect(stream)).equals(expected)).toBe(true);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it("kills ffmpeg on timeout and cleans up", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 3, durations: [5, 5, 5] });
    const started = Date.now();
    const error = await expectAppError(renderAnimatic(sb, read, options({ width: 1280, timeoutMs: 1500 })), "TIMEOUT");
    expect(error.message).toMatch(/longer than/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await readdir(tempRoot)).toEqual([]);
    expect(await processesMentioning(tempRoot)).toEqual([]);
  });

  it("stops when the file outgrows maxBytes", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 2, durations: [2, 2] });
    const error = await expectAppError(renderAnimatic(sb, read, options({ maxBytes: 2_000 })), "EXPORT_FAILED");
    expect(error.message).toMatch(/limit/);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it("stops when the caller aborts", async () => {
    const { sb, read } = await buildStoryboard({ scenes: 3, durations: [5, 5, 5] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await expectAppError(renderAnimatic(sb, read, options({ width: 1280, signal: controller.signal })), "EXPORT_FAILED");
    expect(error.message).toMatch(/canceled/);
    expect(await readdir(tempRoot)).toEqual([]);
    expect(await processesMentioning(tempRoot)).toEqual([]);
  });
});
