import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";
import { warnIfMissing } from "../helpers/missing-tool";

let storageDir: string;
beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv());
});

const hasFfmpeg = warnIfMissing(
  (() => {
    try {
      execFileSync("ffmpeg", ["-version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })(),
  "ffmpeg",
  "the animatic route tests in tests/api/animatic.test.ts",
);

describe.skipIf(!hasFfmpeg)("animatic routes (ffmpeg)", () => {
  it("streams progress, stores the MP4 and answers its URL; the direct download works too", async () => {
    const create = (await import("@/app/api/storyboards/route")).POST;
    const generate = (await import("@/app/api/storyboards/[id]/generate/route")).POST;
    const status = (await import("@/app/api/storyboards/[id]/status/route")).GET;
    const animatic = (await import("@/app/api/storyboards/[id]/animatic/route")).POST as (r: Request, c: unknown) => Promise<Response>;
    const exportFile = (await import("@/app/api/storyboards/[id]/export/route")).GET as (r: Request, c: unknown) => Promise<Response>;

    const id = (await call(create, { method: "POST", body: { prompt: "A paper boat sails down a gutter after the rain", frameCount: 3, targetDuration: 6 } })).body.storyboard.id;
    await call(generate, { method: "POST", params: { id } });
    for (let i = 0; i < 40 && (await call(status, { params: { id } })).body.progress.scenesInFlight > 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
    }

    const res = await animatic(new Request(`http://127.0.0.1/api/storyboards/${id}/animatic?captions=1`, { method: "POST" }), { params: Promise.resolve({ id }) });
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    const fractions = events.filter((e) => e.type === "progress").map((e) => e.fraction);
    expect(fractions.length).toBeGreaterThan(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: "done", width: 1920, height: 1080 });
    expect(done.durationSeconds).toBeCloseTo(6, 0);
    expect(existsSync(path.join(storageDir, done.url.replace("/api/files/", "")))).toBe(true);

    const direct = await exportFile(new Request(`http://127.0.0.1/api/storyboards/${id}/export?format=mp4`), { params: Promise.resolve({ id }) });
    expect(direct.status).toBe(200);
    expect(direct.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await direct.arrayBuffer());
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");
  }, 120_000);
});
