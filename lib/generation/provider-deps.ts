import "server-only";
import { getDb } from "@/lib/db/client";
import { gpuJobStore } from "@/lib/db/queries/gpu-jobs";
import type { ProviderDeps } from "@/lib/providers/provider-entry";
import type { GpuJobStore } from "@/lib/providers/gpu-service/job-store";

/** The app's GPU-service jobs (the gpu_jobs table), opened on first use so sync callers can hold it. */
const appGpuJobs: GpuJobStore = {
  insert: async (job) => gpuJobStore(await getDb()).insert(job),
  get: async (id) => gpuJobStore(await getDb()).get(id),
  update: async (id, from, patch) => gpuJobStore(await getDb()).update(id, from, patch),
};

/** What the app lends adapters that keep state outside the provider (lib/providers/provider-entry.ts). */
export function appProviderDeps(): ProviderDeps {
  return { gpuJobs: appGpuJobs };
}
