import { env } from "@/lib/config/env";
import { gpuJobStore } from "@/lib/db/queries/gpu-jobs";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { observePredictions } from "@/lib/generation/observe-predictions";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { applyGpuCallback } from "@/lib/providers/gpu-service/apply-callback";
import { GPU_JOB_ID, gpuPredictionId } from "@/lib/providers/gpu-service/provider";

type Ctx = RouteContext<"/api/v1/jobs/[jobId]">;

// PATCH /api/v1/jobs/:jobId — a GPU service (seed 000's protocol) reports a job's progress or result
export const PATCH = route(async (request, ctx: Ctx) => {
  const config = env();
  if (!config.GPU_SERVICE_URL) throw new AppError("NOT_FOUND", "No GPU service is configured.");
  const { jobId } = await ctx.params;
  if (!GPU_JOB_ID.test(jobId)) throw new AppError("NOT_FOUND", "No such GPU job.");
  const deps = await appGenerationDeps();
  const job = await applyGpuCallback({
    store: gpuJobStore(deps.db),
    serviceUrl: config.GPU_SERVICE_URL,
    secret: config.GPU_SERVICE_SECRET,
    jobId,
    authorization: request.headers.get("authorization"),
    body: await readJsonBody(request, 64 * 1024),
    now: new Date(),
  });
  // The job moved: its frames (prediction `{jobId}.{i}`) take the news now rather than at their next poll.
  await observePredictions(deps, job.prompts.map((_, i) => gpuPredictionId(jobId, i)));
  return json({ success: true, job: { id: job.id, status: job.status, progress: job.progress } });
});
