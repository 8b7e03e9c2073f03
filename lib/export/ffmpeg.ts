import "server-only";

import path from "node:path";

import { ProcessError, runProcess } from "@/lib/export/process";

export type FfmpegPaths = { ffmpeg: string; ffprobe: string };

export type FfmpegProbe =
  | { ok: true; version: string; path: string; encoders: { libx264: boolean } }
  | { ok: false; message: string };

export const FFMPEG_MISSING_MESSAGE =
  "ffmpeg was not found. Install it (Debian/Ubuntu: apt-get install -y ffmpeg; macOS: brew install ffmpeg) or set FFMPEG_PATH.";

/**
 * FFMPEG_PATH, or `ffmpeg` looked up on PATH. FFPROBE_PATH defaults to the ffprobe next to a given
 * FFMPEG_PATH (they ship together), else `ffprobe` on PATH.
 */
export function resolveFfmpeg(env: { FFMPEG_PATH?: string; FFPROBE_PATH?: string }): FfmpegPaths {
  const ffmpeg = env.FFMPEG_PATH?.trim() || "ffmpeg";
  let ffprobe = env.FFPROBE_PATH?.trim();
  if (!ffprobe) {
    const dir = path.dirname(ffmpeg);
    const isPath = ffmpeg.includes("/") || ffmpeg.includes("\\");
    ffprobe = isPath ? path.join(dir, `ffprobe${path.extname(ffmpeg)}`) : "ffprobe";
  }
  return { ffmpeg, ffprobe };
}

/** Whether ffmpeg runs here, its version, and whether it can encode H.264 (libx264). Never throws. */
export async function probeFfmpeg(paths: Pick<FfmpegPaths, "ffmpeg">, options: { timeoutMs?: number } = {}): Promise<FfmpegProbe> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    const version = await runProcess(paths.ffmpeg, ["-hide_banner", "-version"], { timeoutMs });
    if (version.code !== 0) {
      return { ok: false, message: `ffmpeg -version exited with code ${version.code}: ${lastLine(version.stderr)}` };
    }
    const encoders = await runProcess(paths.ffmpeg, ["-hide_banner", "-encoders"], { timeoutMs });
    return {
      ok: true,
      version: parseVersion(version.stdout),
      path: paths.ffmpeg,
      encoders: { libx264: encoders.code === 0 && /^\s*V\S*\s+libx264\s/m.test(encoders.stdout) },
    };
  } catch (error) {
    return { ok: false, message: probeFailureMessage(error, paths.ffmpeg) };
  }
}

/** "ffmpeg version 5.1.6-0+deb12u1 Copyright…" → "5.1.6-0+deb12u1". */
export function parseVersion(output: string): string {
  return /ffmpeg version (\S+)/.exec(output)?.[1] ?? output.split("\n")[0]?.trim() ?? "unknown";
}

export function probeFailureMessage(error: unknown, command: string): string {
  if (error instanceof ProcessError) {
    if (error.kind === "not-found") {
      return command === "ffmpeg" ? FFMPEG_MISSING_MESSAGE : `${FFMPEG_MISSING_MESSAGE} (looked for "${command}")`;
    }
    if (error.kind === "not-executable") return `${command} is not executable; check FFMPEG_PATH and the file's permissions.`;
    if (error.kind === "timeout") return `${command} did not answer in time; it may be hanging or the machine overloaded.`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function lastLine(text: string): string {
  return text.trim().split("\n").pop() ?? "";
}
