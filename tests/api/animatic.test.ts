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
  it("POST answers 202 with a job at once; the render runs off the request, GET polls it, the MP4 is stored", async () => {
    const create = (await import("@/app/api/storyboards/route")).POST;
    const generate = (await import("@/app/api/storyboards/[id]/generate/route")).POST;
    const animatic = (await import("@/app/api/storyboards/[id]/animatic/route")).POST;
    const job = await import("@/app/api/storyboards/[id]/animatic/[jobId]/route");
    const exportFile = (await import("@/app/api/storyboards/[id]/export/route")).GET as (r: Request, c: unknown) => Promise<Response>;

    const id = (await call(create, { method: "POST", body: { prompt: "A paper boat sails down a gutter after the rain", frameCount: 3, targetDuration: 6 } })).body.storyboard.id;
    await call(generate, { method: "POST", params: { id } }); // settles: every frame stored

    const started = await call(animatic, { method: "POST", url: `http://127.0.0.1/api/storyboards/${id}/animatic?captions=1`, params: { id }, settle: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ success: true, status: "queued", pollUrl: `/api/storyboards/${id}/animatic/${started.body.jobId}` });
    expect(started.headers.get("location")).toBe(started.body.pollUrl);
    const jobId = started.body.jobId as string;

    // polled while it renders: an active state with progress, never the finished file yet
    const seen: { status: string; progress: number }[] = [];
    for (let i = 0; i < 400; i++) {
      const res = await call(job.GET, { params: { id, jobId }, settle: false });
      expect(res.status).toBe(200);
      seen.push(res.body.job);
      if (["succeeded", "failed", "canceled"].includes(res.body.job.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = seen.at(-1)! as unknown as { status: string; result: { url: string; width: number; height: number; durationSeconds: number } };
    expect(done.status).toBe("succeeded");
    expect(seen.some((j) => j.status === "running")).toBe(true);
    const progress = seen.map((j) => j.progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(done.result).toMatchObject({ width: 1920, height: 1080 });
    expect(done.result.durationSeconds).toBeCloseTo(6, 0);
    expect(existsSync(path.join(storageDir, done.result.url.replace("/api/files/", "")))).toBe(true);

    const direct = await exportFile(new Request(`http://127.0.0.1/api/storyboards/${id}/export?format=mp4`), { params: Promise.resolve({ id }) });
    expect(direct.status).toBe(200);
    expect(direct.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await direct.arrayBuffer());
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");

    // canceling a finished job leaves it finished
    expect((await call(job.DELETE, { method: "DELETE", params: { id, jobId } })).body.job.status).toBe("succeeded");
  }, 120_000);

  it("a canceled job stops rendering and stores nothing; an unknown job is a 404", async () => {
    const create = (await import("@/app/api/storyboards/route")).POST;
    const generate = (await import("@/app/api/storyboards/[id]/generate/route")).POST;
    const animatic = (await import("@/app/api/storyboards/[id]/animatic/route")).POST;
    const job = await import("@/app/api/storyboards/[id]/animatic/[jobId]/route");
    const cancel = (await import("@/app/api/storyboards/[id]/animatic/[jobId]/cancel/route")).POST;
    const { backgroundIdle } = await import("@/lib/generation/background");

    const id = (await call(create, { method: "POST", body: { prompt: "A lighthouse at the end of a long pier", frameCount: 3, targetDuration: 30 } })).body.storyboard.id;
    await call(generate, { method: "POST", params: { id } });
    const started = await call(animatic, { method: "POST", params: { id }, settle: false });
    const jobId = started.body.jobId as string;
    const canceled = await call(cancel, { method: "POST", params: { id, jobId }, settle: false });
    expect(canceled.body.job).toMatchObject({ status: "canceled", error: { code: "CANCELED" }, result: null });
    await backgroundIdle(); // the render notices and stops (ffmpeg killed) instead of running its 30 s
    const after = await call(job.GET, { params: { id, jobId } });
    expect(after.body.job).toMatchObject({ status: "canceled", result: null });
    const exportsDir = path.join(storageDir, "storyboards", id, "exports");
    expect(existsSync(exportsDir) ? (await import("node:fs")).readdirSync(exportsDir) : []).toEqual([]);

    expect((await call(job.GET, { params: { id, jobId: "no-such-job" } })).status).toBe(404);
    expect((await call(job.DELETE, { method: "DELETE", params: { id: "no-such-storyboard", jobId } })).status).toBe(404);
  }, 120_000);
});
