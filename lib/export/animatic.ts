import "server-only";

import { mkdtemp, open, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import {
  type Motion,
  type PieceScene,
  animaticSize,
  buildPieceGraph,
  motionFor,
  planPieces,
  planTimeline,
} from "@/lib/export/animatic-plan";
import { renderCaptionBar, writePlaceholderCard, writeSceneStill } from "@/lib/export/animatic-stills";
import { FFMPEG_MISSING_MESSAGE } from "@/lib/export/ffmpeg";
import { readFrameForRender } from "@/lib/export/frame-source";
import pMap from "p-map";
import { sceneNumber, shotLabel } from "@/lib/export/labels";
import { ProcessError, startProcess } from "@/lib/export/process";
import { orderedScenes } from "@/lib/export/scenes";
import type { ExportStoryboard, ReadObject } from "@/lib/export/types";
import { AppError } from "@/lib/errors";

export type AnimaticOptions = {
  ffmpegPath: string;
  /** Burn "03 · WIDE · description" into the bottom of each scene. */
  captions: boolean;
  /** Output size; defaults by aspect ratio (16:9 → 1920×1080 …). Give one side and the other follows. */
  width?: number;
  height?: number;
  fps?: number;
  /** The whole render, stills included; ffmpeg is killed when it runs out. */
  timeoutMs: number;
  /** The MP4 may not grow past this; ffmpeg is killed when it does. */
  maxBytes: number;
  /** 0…1, increasing, 1 exactly once when the file is complete. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Parent of the temporary work directory (default: the OS temp dir). */
  tempRoot?: string;
};

export type AnimaticResult = {
  /** The finished MP4, inside a private temporary directory. */
  path: string;
  bytes: number;
  width: number;
  height: number;
  durationSeconds: number;
  /** Removes the temporary directory and the MP4 in it. Safe to call more than once. */
  cleanup: () => Promise<void>;
};

/** Share of the progress bar given to preparing stills; encoding takes the rest. */
const STILLS_SHARE = 0.1;

/**
 * Renders the storyboard as an MP4 animatic (H.264, yuv420p, BT.709, faststart): each frame held
 * for its scene's duration with a slow camera move that follows the planned one, 0.4 s crossfades
 * (overlap compensated: the film lasts the sum of the scenes), optional burned-in captions, and a
 * card for scenes without a frame.
 *
 * How: sharp prepares one still (and caption bar) per scene in a private temp directory; then one
 * ffmpeg encoder reads raw frames on stdin while short ffmpeg renderers, one per piece (a scene's
 * body, a crossfade), write their frames straight into it, in order. Memory stays flat whatever
 * the length (see planPieces for why not one big filter graph).
 *
 * The caller owns the result and must call cleanup() — or use openAnimaticStream, which does. On
 * any failure the work directory is already gone and no ffmpeg is left running.
 * Throws AppError: FFMPEG_MISSING, TIMEOUT, EXPORT_FAILED (ffmpeg failed, too large, canceled).
 */
export async function renderAnimatic(sb: ExportStoryboard, read: ReadObject, options: AnimaticOptions): Promise<AnimaticResult> {
  const fps = options.fps ?? 30;
  const size = animaticSize(sb.aspectRatio, options.width, options.height);
  const scenes = orderedScenes(sb);
  if (scenes.length === 0) throw new AppError("INVALID_REQUEST", "The storyboard has no scenes to animate.");
  const timeline = planTimeline(
    scenes.map((s) => s.durationSeconds),
    fps,
  );

  const deadline = Date.now() + options.timeoutMs;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new AppError("TIMEOUT", timeoutMessage(options.timeoutMs))), options.timeoutMs);
  const onCallerAbort = () => stop.abort(new AppError("EXPORT_FAILED", "The animatic was canceled."));
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener("abort", onCallerAbort, { once: true });

  const progress = progressReporter(options.onProgress);
  const dir = await mkdtemp(path.join(options.tempRoot ?? os.tmpdir(), "storyframe-animatic-"));
  const cleanup = once(() => rm(dir, { recursive: true, force: true }));
  const children: Array<Promise<unknown>> = [];
  let succeeded = false;
  try {
    // Stills first (two at a time: sharp is multi-threaded already).
    let prepared = 0;
    const preparing = pMap(
      scenes,
      async (scene, i): Promise<PieceScene> => {
      throwIfAborted(stop.signal);
      const number = sceneNumber(i + 1, scenes.length);
      const stillFile = path.join(dir, `still-${i}.jpg`);
      const source = scene.frame ? await readFrameForRender(scene.frame, read, Math.max(size.width, size.height) * 1.12) : null;
      throwIfAborted(stop.signal);
      let motion: Motion = motionFor(scene.cameraMove, scene.durationSeconds);
      let still = source ? await writeSceneStill(source, size, motion, stillFile).catch(() => null) : null;
      if (!still) {
        motion = { kind: "hold" };
        const label = scene.frame ? "Frame could not be read" : "Frame not generated yet";
        still = await writePlaceholderCard({ number, description: scene.description, label }, size, stillFile);
      }
      let caption: string | null = null;
      if (options.captions) {
        caption = path.join(dir, `caption-${i}.png`);
        const bar = await renderCaptionBar({ number, shot: shotLabel(scene.shotType), description: scene.description }, size);
        await writeFile(caption, bar);
      }
      prepared++;
      progress((prepared / scenes.length) * STILLS_SHARE);
      return { still: { file: stillFile, ...still }, caption, motion };
      },
      { concurrency: 2 },
    );
    // A storage read that hangs must not hold the render past its deadline.
    const pieceScenes = await untilAborted(preparing, stop.signal);

    const output = path.join(dir, "animatic.mp4");
    let tooLarge = false;
    let encodedFrames = 0;
    const parser = progressParser((outTimeSeconds, totalSize, frames) => {
      encodedFrames = frames;
      if (totalSize > options.maxBytes && !tooLarge) {
        tooLarge = true;
        stop.abort(tooLargeError(options.maxBytes));
      }
      progress(STILLS_SHARE + (1 - STILLS_SHARE) * Math.min(0.999, outTimeSeconds / timeline.totalSeconds));
    });
    const remaining = () => Math.max(1, deadline - Date.now());
    const encoder = startProcess(options.ffmpegPath, encoderArgs(size, fps, output), {
      timeoutMs: remaining(),
      signal: stop.signal,
      stdin: "pipe",
      onStdout: parser,
    });
    children.push(encoder.done);
    const encoderExit = encoder.done.catch((error: unknown) => {
      throw mapProcessError(error, stop.signal, options.timeoutMs);
    });
    encoderExit.catch(() => undefined);
    // Settles only if the encoder exits while pieces are still being fed to it.
    let feeding = true;
    const encoderDied = encoderExit.then((result) => {
      if (feeding) {
        throw new AppError("EXPORT_FAILED", "ffmpeg could not encode the animatic.", {
          cause: new Error(`the encoder exited early with ${result.code}: ${result.stderr.trim()}`),
        });
      }
      return new Promise<never>(() => undefined);
    });
    encoderDied.catch(() => undefined);

    const pieces = planPieces(timeline);
    try {
      // Pieces render one after another, each writing raw frames straight into the encoder's stdin
      // (the descriptor is handed over, so frames never pass through this process: piping ~3 GB of
      // 1080p frames through Node cost more CPU than the renderers). The encoder's lookahead
      // bridges the short start-up of each renderer.
      for (const [k, piece] of pieces.entries()) {
        if (!encoder.stdin || encoder.stdin.destroyed) await encoderDied;
        const { inputs, graph } = buildPieceGraph(piece, pieceScenes, timeline, size);
        const renderer = startProcess(options.ffmpegPath, rendererArgs(inputs, graph, fps), {
          timeoutMs: remaining(),
          signal: stop.signal,
          stdoutTo: encoder.stdin ?? undefined,
        });
        renderer.done.catch(() => undefined);
        children.push(renderer.done);
        const result = await Promise.race([
          renderer.done.catch((error: unknown) => {
            throw mapProcessError(error, stop.signal, options.timeoutMs);
          }),
          encoderDied,
        ]);
        if (result.code !== 0) {
          throw new AppError("EXPORT_FAILED", "ffmpeg could not render the animatic.", {
            cause: new Error(`piece ${k} (${piece.kind}) exited with ${result.code}: ${result.stderr.trim()}`),
          });
        }
      }
      feeding = false;
      encoder.stdin?.end();
      const result = await encoderExit;
      if (result.code !== 0) {
        const missingEncoder = /Unknown encoder|Encoder not found|libx264/i.test(result.stderr);
        throw new AppError(
          missingEncoder ? "FFMPEG_MISSING" : "EXPORT_FAILED",
          missingEncoder
            ? "This ffmpeg cannot encode H.264 (libx264 is missing). Install a full ffmpeg build or set FFMPEG_PATH to one."
            : "ffmpeg could not encode the animatic.",
          { cause: new Error(`ffmpeg exited with code ${result.code}: ${result.stderr.trim()}`) },
        );
      }
      // Every piece must have delivered exactly its frames, or scenes would drift off their timing.
      if (encodedFrames !== timeline.totalFrames) {
        throw new AppError("EXPORT_FAILED", "ffmpeg could not render the animatic.", {
          cause: new Error(`encoded ${encodedFrames} frames, expected ${timeline.totalFrames}`),
        });
      }
    } catch (error) {
      // Whatever failed, no ffmpeg may outlive the render.
      if (!stop.signal.aborted) stop.abort(error);
      throw stop.signal.reason instanceof AppError ? stop.signal.reason : error;
    }

    const { size: bytes } = await stat(output);
    if (bytes > options.maxBytes) throw tooLargeError(options.maxBytes);
    progress(1);
    succeeded = true;
    return { path: output, bytes, ...size, durationSeconds: timeline.totalSeconds, cleanup };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
    if (!succeeded) {
      // Killed processes exit at once; wait for them so none outlives the call or its directory.
      stop.abort(new AppError("EXPORT_FAILED", "The animatic failed."));
      await Promise.allSettled(children);
      await cleanup();
    }
  }
}

/** Rejects with the signal's reason as soon as it aborts, whatever the promise is still doing. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new AppError("EXPORT_FAILED", "The animatic was canceled."));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The finished MP4 as a web stream for a Response body. On POSIX the work directory is removed
 * as soon as the file is open (the open handle keeps the bytes readable), so nothing is left on
 * disk even if the client never finishes downloading; elsewhere it is removed when the stream ends.
 */
export async function openAnimaticStream(result: AnimaticResult): Promise<ReadableStream<Uint8Array>> {
  const handle = await open(result.path, "r");
  const removedEarly = process.platform !== "win32" && (await result.cleanup().then(() => true, () => false));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
    if (!removedEarly) await result.cleanup().catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const buffer = new Uint8Array(256 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    cancel: close,
  });
}

/** The encoder: raw frames on stdin → H.264 (libx264) yuv420p MP4, index first for streaming. */
function encoderArgs(size: { width: number; height: number }, fps: number, output: string): string[] {
  return [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-loglevel",
    "error",
    "-progress",
    "pipe:1",
    "-y",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "yuv420p",
    "-s:v",
    `${size.width}x${size.height}`,
    "-framerate",
    String(fps),
    "-i",
    "pipe:0",
    "-an",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "21",
    "-pix_fmt",
    "yuv420p",
    // A keyframe every 2 s: review tools scrub animatics a lot.
    "-g",
    String(fps * 2),
    "-colorspace",
    "bt709",
    "-color_primaries",
    "bt709",
    "-color_trc",
    "bt709",
    "-color_range",
    "tv",
    "-movflags",
    "+faststart",
    output,
  ];
}

/** A renderer: stills in, the piece's frames out on stdout as raw yuv420p. */
function rendererArgs(inputs: string[], graph: string, fps: number): string[] {
  return [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-loglevel",
    "error",
    ...inputs.flatMap((file) => ["-framerate", String(fps), "-i", file]),
    "-filter_complex",
    graph,
    "-map",
    "[out]",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "yuv420p",
    "pipe:1",
  ];
}

function timeoutMessage(timeoutMs: number): string {
  return `The animatic took longer than ${Math.round(timeoutMs / 1000)} s to render and was stopped.`;
}

function tooLargeError(maxBytes: number): AppError {
  return new AppError("EXPORT_FAILED", `The animatic grew past the ${Math.round(maxBytes / (1024 * 1024))} MB limit and was stopped.`);
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new AppError("EXPORT_FAILED", "The animatic was canceled.");
}

function mapProcessError(error: unknown, signal: AbortSignal, timeoutMs: number): Error {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason;
  if (error instanceof ProcessError) {
    if (error.kind === "not-found") return new AppError("FFMPEG_MISSING", FFMPEG_MISSING_MESSAGE, { cause: error });
    if (error.kind === "timeout") return new AppError("TIMEOUT", timeoutMessage(timeoutMs), { cause: error });
    if (error.kind === "not-executable") {
      return new AppError("FFMPEG_MISSING", "ffmpeg is not executable; check FFMPEG_PATH and the file's permissions.", { cause: error });
    }
  }
  return new AppError("EXPORT_FAILED", "ffmpeg could not be run.", { cause: error });
}

/** Reads ffmpeg's `-progress` key=value blocks; reports (seconds encoded, bytes written, frames) per block. */
function progressParser(report: (outTimeSeconds: number, totalSize: number, frames: number) => void): (text: string) => void {
  let pending = "";
  let outTime = 0;
  let totalSize = 0;
  let frames = 0;
  return (text) => {
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const [key, value = ""] = line.trim().split("=", 2);
      if (key === "out_time_us" || key === "out_time_ms") {
        // Both are microseconds (out_time_ms is misnamed); "N/A" before the first frame.
        const us = Number(value);
        if (Number.isFinite(us) && us >= 0) outTime = us / 1e6;
      } else if (key === "total_size" || key === "frame") {
        const n = Number(value);
        if (Number.isFinite(n)) {
          if (key === "frame") frames = n;
          else totalSize = n;
        }
      } else if (key === "progress") {
        report(outTime, totalSize, frames);
      }
    }
  };
}

/** Passes on strictly increasing values in steps of at least 1 %, and 1 exactly once. */
function progressReporter(onProgress: ((fraction: number) => void) | undefined): (fraction: number) => void {
  let last = 0;
  let done = false;
  return (fraction) => {
    if (!onProgress || done) return;
    const value = Math.min(1, Math.max(0, fraction));
    if (value === 1) {
      done = true;
      onProgress(1);
    } else if (value - last >= 0.01) {
      last = value;
      onProgress(value);
    }
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= fn());
}
