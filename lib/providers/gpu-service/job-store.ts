/** A whole-board job on a GPU service (seed 000's protocol), as we keep it between callbacks. */
export type GpuJobStatus = "submitted" | "processing" | "completed" | "failed" | "canceled";

export const GPU_JOB_TERMINAL: readonly GpuJobStatus[] = ["completed", "failed", "canceled"];
export const GPU_JOB_IN_FLIGHT: readonly GpuJobStatus[] = ["submitted", "processing"];

export type GpuJob = {
  /** 128 random bits: the capability a callback proves when no GPU_SERVICE_SECRET is set. */
  id: string;
  status: GpuJobStatus;
  /** 0..100 as the service reports it; never goes back. */
  progress: number;
  /** The frame prompts in scene order (result i belongs to frame i). */
  prompts: string[];
  /** Absolute URLs on the service's own origin, in frame order (completed only). */
  resultUrls: string[];
  errorMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Where jobs live. The app's is lib/db/queries/gpu-jobs.ts (a libSQL table, so any instance can
 * answer a callback or a poll); tests may use memoryGpuJobStore().
 */
export interface GpuJobStore {
  insert(job: GpuJob): Promise<void>;
  get(id: string): Promise<GpuJob | null>;
  /** Applies `patch` only while the stored status is one of `from`; answers the new row, or null when it was not. */
  update(id: string, from: readonly GpuJobStatus[], patch: Partial<Omit<GpuJob, "id" | "createdAt">>): Promise<GpuJob | null>;
}

export function memoryGpuJobStore(): GpuJobStore & { jobs: Map<string, GpuJob> } {
  const jobs = new Map<string, GpuJob>();
  return {
    jobs,
    async insert(job) {
      jobs.set(job.id, structuredClone(job));
    },
    async get(id) {
      const job = jobs.get(id);
      return job ? structuredClone(job) : null;
    },
    async update(id, from, patch) {
      const job = jobs.get(id);
      if (!job || !from.includes(job.status)) return null;
      const next = { ...job, ...patch };
      jobs.set(id, next);
      return structuredClone(next);
    },
  };
}
