import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { inputJobs, type InputJobRow } from "../schema";

export async function insertInputJob({ db, job }: { db: DbOrTx; job: typeof inputJobs.$inferInsert }): Promise<void> {
  await db.insert(inputJobs).values(job);
}

export async function updateInputJob({ db, id, patch }: { db: DbOrTx; id: string; patch: Partial<typeof inputJobs.$inferInsert> }): Promise<void> {
  await db.update(inputJobs).set(patch).where(eq(inputJobs.id, id));
}

export async function getInputJobByKey({ db, workspaceId, id }: { db: DbOrTx; workspaceId: string; id: string }): Promise<InputJobRow | null> {
  const rows = await db.select().from(inputJobs).where(and(eq(inputJobs.id, id), eq(inputJobs.workspaceId, workspaceId))).limit(1);
  return rows[0] ?? null;
}
