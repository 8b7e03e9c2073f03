import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { GpuJob, GpuJobStatus, GpuJobStore } from "@/lib/providers/gpu-service/job-store";
import type { DbOrTx } from "../client";
import { gpuJobs, type GpuJobRow } from "../schema";

const toJob = (row: GpuJobRow): GpuJob => ({ ...row, prompts: row.prompts ?? [], resultUrls: row.resultUrls ?? [] });

export async function insertGpuJob({ db, job }: { db: DbOrTx; job: GpuJob }): Promise<void> {
  await db.insert(gpuJobs).values(job);
}

export async function getGpuJobByKey({ db, id }: { db: DbOrTx; id: string }): Promise<GpuJob | null> {
  const rows = await db.select().from(gpuJobs).where(eq(gpuJobs.id, id)).limit(1);
  return rows[0] ? toJob(rows[0]) : null;
}

/** A conditional UPDATE: two callbacks racing on one job can't both move it out of flight. */
export async function updateGpuJobWhereStatus({
  db,
  id,
  from,
  patch,
}: {
  db: DbOrTx;
  id: string;
  from: readonly GpuJobStatus[];
  patch: Partial<Omit<GpuJob, "id" | "createdAt">>;
}): Promise<GpuJob | null> {
  const rows = await db
    .update(gpuJobs)
    .set(patch)
    .where(and(eq(gpuJobs.id, id), inArray(gpuJobs.status, [...from])))
    .returning();
  return rows[0] ? toJob(rows[0]) : null;
}

/** The GPU-service adapter's job store on this database. */
export function gpuJobStore(db: DbOrTx): GpuJobStore {
  return {
    insert: (job) => insertGpuJob({ db, job }),
    get: (id) => getGpuJobByKey({ db, id }),
    update: (id, from, patch) => updateGpuJobWhereStatus({ db, id, from, patch }),
  };
}
