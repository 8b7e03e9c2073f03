import { describe, expect, it } from "vitest";

import { FFMPEG_MISSING_MESSAGE, parseVersion, probeFfmpeg, resolveFfmpeg } from "@/lib/export/ffmpeg";
import { warnIfMissing } from "@/tests/helpers/missing-tool";
import { ProcessError, runProcess } from "@/lib/export/process";

const paths = resolveFfmpeg({ FFMPEG_PATH: process.env.FFMPEG_PATH, FFPROBE_PATH: process.env.FFPROBE_PATH });
const probe = await probeFfmpeg(paths);
warnIfMissing(probe.ok, "ffmpeg", "the installed-ffmpeg probe in tests/export/ffmpeg.test.ts");

describe("resolveFfmpeg", () => {
  it("uses ffmpeg on PATH by default", () => {
    expect(resolveFfmpeg({})).toEqual({ ffmpeg: "ffmpeg", ffprobe: "ffprobe" });
  });

  it("uses FFMPEG_PATH and finds ffprobe beside it", () => {
    expect(resolveFfmpeg({ FFMPEG_PATH: "/opt/ffmpeg/bin/ffmpeg" })).toEqual({
      ffmpeg: "/opt/ffmpeg/bin/ffmpeg",
      ffprobe: "/opt/ffmpeg/bin/ffprobe",
    });
    expect(resolveFfmpeg({ FFMPEG_PATH: "/x/ffmpeg", FFPROBE_PATH: "/y/ffprobe" }).ffprobe).toBe("/y/ffprobe");
    expect(resolveFfmpeg({ FFMPEG_PATH: "  " }).ffmpeg).toBe("ffmpeg");
  });
});

describe("probeFfmpeg", () => {
  it("reports a missing ffmpeg with how to install it", async () => {
    const result = await probeFfmpeg({ ffmpeg: "/nonexistent/bin/ffmpeg" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(FFMPEG_MISSING_MESSAGE);
      expect(result.message).toContain("apt-get install -y ffmpeg");
      expect(result.message).toContain("brew install ffmpeg");
      expect(result.message).toContain("FFMPEG_PATH");
    }
  });

  it("reports a binary that is not ffmpeg", async () => {
    // `node -version` exits non-zero with "bad option".
    const result = await probeFfmpeg({ ffmpeg: process.execPath });
    expect(result.ok).toBe(false);
  });

  it("parses version lines", () => {
    expect(parseVersion("ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024")).toBe("5.1.6-0+deb12u1");
    expect(parseVersion("ffmpeg version n7.1 Copyright")).toBe("n7.1");
  });

  it.skipIf(!probe.ok)("finds the installed ffmpeg, its version and libx264 (skipped: ffmpeg not installed)", () => {
    expect(probe).toMatchObject({ ok: true, path: paths.ffmpeg, encoders: { libx264: true } });
    if (probe.ok) expect(probe.version).toMatch(/\d/);
  });
});

describe("runProcess", () => {
  it("kills a process that outlives its timeout", async () => {
    const started = Date.now();
    const error = await runProcess(process.execPath, ["-e", "setTimeout(() => {}, 10000)"], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect((error as ProcessError).kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await runProcess(process.execPath, ["-e", "setTimeout(() => {}, 10000)"], {
      timeoutMs: 10_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect((error as ProcessError).kind).toBe("aborted");
  });

  it("passes arguments verbatim, never through a shell", async () => {
    const tricky = "$(echo pwned); `id` && rm -rf / | cat";
    const result = await runProcess(process.execPath, ["-e", "process.stdout.write(process.argv[1])", tricky], { timeoutMs: 10_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(tricky);
  });

  it("keeps only the tail of a chatty stderr", async () => {
    const result = await runProcess(process.execPath, ["-e", "process.stderr.write('x'.repeat(100000) + 'END'); process.exit(3)"], {
      timeoutMs: 10_000,
    });
    expect(result.code).toBe(3);
    expect(result.stderr.length).toBeLessThanOrEqual(8 * 1024);
    expect(result.stderr.endsWith("END")).toBe(true);
  });
});
