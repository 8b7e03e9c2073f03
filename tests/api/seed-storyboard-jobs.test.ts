import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

beforeAll(async () => {
  await useTempAppEnv();
});

const code = readFileSync(path.join(__dirname, "../inputs/fixtures/dispatch.go"), "utf8");

/** Polls the job the way seed 002's clients do, until it leaves `processing`. */
async function pollUntilDone(jobId: string, headers: Record<string, string> = {}) {
  const poll = await import("@/app/api/storyboard/jobs/[jobId]/route");
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const job = await call(poll.GET, { params: { jobId }, headers });
    seen.push(job.body.status);
    if (job.status !== 200 || job.body.status !== "processing") return { job, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} still processing after 60 polls`);
}

describe("seed 002 jobs: POST /api/storyboard/code → GET poll_url", () => {
  it("answers 202 {job_id, status: pending, poll_url}; the poll reports processing while frames are drawn, then completed with the board as a PNG", async () => {
    const post = await import("@/app/api/storyboard/code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: code, file_name: "dispatch.go", stage: "demo", audience: "c_suite", icp_preset: "coperniq_mep" } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ job_id: expect.any(String), status: "pending", poll_url: `/api/storyboard/jobs/${res.body.job_id}` });

    const jobId = res.body.poll_url.split("/").pop();
    const { job, seen } = await pollUntilDone(jobId);
    expect(job.status).toBe(200);
    expect(Object.keys(job.body).sort()).toEqual(
      ["job_id", "status", "progress", "result_image", "understanding", "storyboard_id", "storyboard_url", "error_code", "error_message", "execution_time_ms", "created_at", "completed_at"].sort(),
    );
    expect(job.body).toMatchObject({ job_id: jobId, status: "completed", progress: 100, error_message: null });
    expect(seen.every((s) => s === "processing" || s === "completed")).toBe(true);
    expect(job.body.understanding.what_it_does).toMatch(/nearest free crew/);
    expect(job.body.execution_time_ms).toBeGreaterThanOrEqual(0);
    expect(job.body.completed_at).not.toBeNull();

    // result_image: a base64 PNG contact sheet of the board, one cell per scene.
    const png = Buffer.from(job.body.result_image, "base64");
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(1600);
    expect(meta.height).toBeGreaterThan(400);
    const { dominant } = await sharp(png).stats();
    expect(dominant).toBeDefined();

    // Every scene of the board has its frame stored: the sheet shows drawn frames, not placeholders.
    const status = await import("@/app/api/storyboards/[id]/status/route");
    const progress = await call(status.GET, { params: { id: job.body.storyboard_id } });
    expect(progress.body.progress.stage).toBe("ready");

    // A completed job answers the same sheet again without redrawing it.
    const again = await pollUntilDone(jobId);
    expect(again.job.body.result_image).toBe(job.body.result_image);

    const one = await import("@/app/api/storyboards/[id]/route");
    const sb = await call(one.GET, { params: { id: job.body.storyboard_id } });
    expect(sb.body.storyboard.form).toBe("explainer");
  });

  it("refuses bad input at once with the 4xx envelope, and an unknown job with 404", async () => {
    const post = await import("@/app/api/storyboard/code/route");
    const bad = await call(post.POST, { method: "POST", body: { file_content: "", file_name: "a.go" } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ success: false, error: { code: "UNREADABLE_INPUT" } });
    const poll = await import("@/app/api/storyboard/jobs/[jobId]/route");
    const missing = await call(poll.GET, { params: { jobId: "nope-0000" } });
    expect(missing.status).toBe(404);
  });

  it("X-Org-ID: the caller's own workspace is honoured; another is refused 403; a malformed one 400", async () => {
    const post = await import("@/app/api/storyboard/code/route");
    const body = { file_content: code, file_name: "dispatch.go" };
    const mine = await call(post.POST, { method: "POST", body, headers: { "X-Org-ID": "default" } });
    expect(mine.status).toBe(202);
    const jobId = mine.body.job_id;
    expect((await pollUntilDone(jobId, { "X-Org-ID": "default" })).job.body.status).toBe("completed");

    const other = await call(post.POST, { method: "POST", body, headers: { "X-Org-ID": "acme-corp" } });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("acme-corp") });
    const poll = await import("@/app/api/storyboard/jobs/[jobId]/route");
    const peek = await call(poll.GET, { params: { jobId }, headers: { "X-Org-ID": "acme-corp" } });
    expect(peek.status).toBe(403);

    const bad = await call(post.POST, { method: "POST", body, headers: { "X-Org-ID": "a b/../c" } });
    expect(bad.status).toBe(400);
  });

  it("a job whose storyboard is deleted before its board is drawn fails with a message, not a 500", async () => {
    const post = await import("@/app/api/storyboard/code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: code, file_name: "dispatch.go" } });
    const list = await import("@/app/api/storyboards/route");
    const newest = (await call(list.GET, {})).body.storyboards[0];
    const one = await import("@/app/api/storyboards/[id]/route");
    expect((await call(one.DELETE, { method: "DELETE", params: { id: newest.id } })).status).toBeLessThan(300);
    const { job } = await pollUntilDone(res.body.job_id);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ status: "failed", error_code: "NOT_FOUND", result_image: null });
    expect(job.body.error_message).toMatch(/deleted/);
  });

  it("roadmap: an image that is not an image → 422", async () => {
    const post = await import("@/app/api/storyboard/roadmap/route");
    const res = await call(post.POST, { method: "POST", body: { image_data: Buffer.from("not an image at all").toString("base64"), audience: "c_suite", sanitize_ip: true } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("UNREADABLE_INPUT");
  });
});
