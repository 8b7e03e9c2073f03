import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { multiLineText, singleLineText } from "@/lib/text-fields";
import { GPU_JOB_IN_FLIGHT, type GpuJob, type GpuJobStore } from "./job-store";

// PATCH {callback_url}/jobs/{job_id} from the GPU service, as seed 000 sends it. Unknown fields
// are ignored (services add their own); progress is clamped to 0–100 and never goes back.
export const gpuCallbackSchema = z.discriminatedUnion("status", [
  z.looseObject({ status: z.literal("processing"), progress: z.coerce.number().min(0).max(100).optional() }),
  z.looseObject({
    status: z.literal("completed"),
    progress: z.coerce.number().optional(),
    result_urls: z.array(singleLineText().min(1).max(2048)).min(1).max(100),
  }),
  z.looseObject({ status: z.literal("failed"), error_message: multiLineText().max(10_000).optional() }),
]);
export type GpuCallback = z.infer<typeof gpuCallbackSchema>;

function sameSecret(given: string, secret: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(secret).digest();
  return timingSafeEqual(a, b);
}

/** A result URL resolved against the service; anything off its own origin is refused. */
export function resolveResultUrl(raw: string, serviceUrl: string): string {
  const base = new URL(serviceUrl.endsWith("/") ? serviceUrl : `${serviceUrl}/`);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new AppError("INVALID_REQUEST", "A result URL is not a valid URL.");
  }
  if (url.origin !== base.origin) throw new AppError("INVALID_REQUEST", "Result URLs must be on the GPU service's own host.");
  if (url.username || url.password) throw new AppError("INVALID_REQUEST", "Result URLs must not carry credentials.");
  return url.href;
}

/**
 * Applies one callback to a stored job. With GPU_SERVICE_SECRET the callback must carry it as a
 * bearer token; without, the unguessable job id is the capability. Only a job in flight moves:
 * a repeat of the callback that finished it is acknowledged unchanged (services retry), any other
 * change to a finished job is a CONFLICT.
 */
export async function applyGpuCallback(input: {
  store: GpuJobStore;
  serviceUrl: string;
  secret: string | undefined;
  jobId: string;
  authorization: string | null;
  body: unknown;
  now: Date;
}): Promise<GpuJob> {
  if (input.secret) {
    const token = input.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    if (!token || !sameSecret(token, input.secret)) throw new AppError("UNAUTHORIZED", "The callback must carry the GPU service secret (Authorization: Bearer …).");
  }
  const callback = gpuCallbackSchema.parse(input.body);
  const job = await input.store.get(input.jobId);
  if (!job) throw new AppError("NOT_FOUND", "No such GPU job.");

  const patch: Partial<GpuJob> = { updatedAt: input.now };
  if (callback.status === "processing") {
    Object.assign(patch, { status: "processing", progress: Math.max(job.progress, Math.round(callback.progress ?? job.progress)) });
  } else if (callback.status === "completed") {
    Object.assign(patch, { status: "completed", progress: 100, resultUrls: callback.result_urls.map((u) => resolveResultUrl(u, input.serviceUrl)) });
  } else {
    Object.assign(patch, { status: "failed", errorMessage: (callback.error_message ?? "the service reported a failure").slice(0, 500) });
  }

  const updated = await input.store.update(job.id, GPU_JOB_IN_FLIGHT, patch);
  if (updated) return updated;
  // Not in flight (any more): a repeat of the finishing callback is fine, anything else is not.
  const current = (await input.store.get(job.id)) ?? job;
  if (current.status === patch.status) return current;
  throw new AppError("CONFLICT", `This GPU job is already ${current.status}.`);
}
