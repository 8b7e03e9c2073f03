import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

beforeAll(async () => {
  await useTempAppEnv();
});

const code = readFileSync(path.join(__dirname, "../inputs/fixtures/dispatch.go"), "utf8");

describe("seed 002 jobs: POST /api/storyboard/code → GET poll_url", () => {
  it("answers 202 {job_id, status: pending, poll_url}; the poll gives the documented shape and links the storyboard", async () => {
    const post = await import("@/app/api/storyboard/code/route");
    const res = await call(post.POST, { method: "POST", body: { file_content: code, file_name: "dispatch.go", stage: "demo", audience: "c_suite", icp_preset: "coperniq_mep" } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ job_id: expect.any(String), status: "pending", poll_url: `/api/storyboard/jobs/${res.body.job_id}` });

    const poll = await import("@/app/api/storyboard/jobs/[jobId]/route");
    const jobId = res.body.poll_url.split("/").pop();
    const job = await call(poll.GET, { params: { jobId } });
    expect(job.status).toBe(200);
    expect(Object.keys(job.body).sort()).toEqual(
      ["job_id", "status", "result_image", "understanding", "storyboard_id", "storyboard_url", "error_code", "error_message", "execution_time_ms", "created_at", "completed_at"].sort(),
    );
    expect(job.body).toMatchObject({ job_id: jobId, status: "completed", error_message: null });
    expect(job.body.understanding.what_it_does).toMatch(/nearest free crew/);
    expect(job.body.execution_time_ms).toBeGreaterThanOrEqual(0);

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

  it("roadmap: an image that is not an image → 422", async () => {
    const post = await import("@/app/api/storyboard/roadmap/route");
    const res = await call(post.POST, { method: "POST", body: { image_data: Buffer.from("not an image at all").toString("base64"), audience: "c_suite", sanitize_ip: true } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("UNREADABLE_INPUT");
  });
});
