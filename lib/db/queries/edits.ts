import "server-only";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { storyboardEdits, type EditKind, type StoryboardEditRow } from "../schema";

export type NewEdit = {
  id: string;
  storyboardId: string;
  kind: EditKind;
  sceneId: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  actorId: string | null;
  now: Date;
};

/** Appends an entry with the next sequence number of its storyboard (computed in the statement). */
export async function insertEdit({ db, edit }: { db: DbOrTx; edit: NewEdit }): Promise<StoryboardEditRow> {
  const rows = await db
    .insert(storyboardEdits)
    .values({
      id: edit.id,
      storyboardId: edit.storyboardId,
      seq: sql`(select coalesce(max(${storyboardEdits.seq}), 0) + 1 from ${storyboardEdits} where ${storyboardEdits.storyboardId} = ${edit.storyboardId})`,
      kind: edit.kind,
      sceneId: edit.sceneId,
      before: edit.before,
      after: edit.after,
      actorId: edit.actorId,
      createdAt: edit.now,
      updatedAt: edit.now,
    })
    .returning();
  return rows[0]!;
}

/** A new edit ends the redo branch: every undone entry becomes discarded. */
export async function discardUndoneEdits({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<void> {
  await db
    .update(storyboardEdits)
    .set({ status: "discarded" })
    .where(and(eq(storyboardEdits.storyboardId, storyboardId), eq(storyboardEdits.status, "undone")));
}

/** The newest entry (any status): coalescing typing looks at it. */
export async function getNewestEdit({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<StoryboardEditRow | undefined> {
  const rows = await db
    .select()
    .from(storyboardEdits)
    .where(eq(storyboardEdits.storyboardId, storyboardId))
    .orderBy(desc(storyboardEdits.seq))
    .limit(1);
  return rows[0];
}

/** What undo reverts: the newest "done" entry. */
export async function getLastDoneEdit({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<StoryboardEditRow | undefined> {
  const rows = await db
    .select()
    .from(storyboardEdits)
    .where(and(eq(storyboardEdits.storyboardId, storyboardId), eq(storyboardEdits.status, "done")))
    .orderBy(desc(storyboardEdits.seq))
    .limit(1);
  return rows[0];
}

/** What redo re-applies: the oldest "undone" entry (undone entries are always the newest ones). */
export async function getFirstUndoneEdit({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<StoryboardEditRow | undefined> {
  const rows = await db
    .select()
    .from(storyboardEdits)
    .where(and(eq(storyboardEdits.storyboardId, storyboardId), eq(storyboardEdits.status, "undone")))
    .orderBy(asc(storyboardEdits.seq))
    .limit(1);
  return rows[0];
}

export async function getEditById({
  db,
  storyboardId,
  id,
}: {
  db: DbOrTx;
  storyboardId: string;
  id: string;
}): Promise<StoryboardEditRow | undefined> {
  const rows = await db
    .select()
    .from(storyboardEdits)
    .where(and(eq(storyboardEdits.id, id), eq(storyboardEdits.storyboardId, storyboardId)))
    .limit(1);
  return rows[0];
}

export async function updateEditById({
  db,
  id,
  patch,
}: {
  db: DbOrTx;
  id: string;
  patch: Partial<Pick<StoryboardEditRow, "status" | "after" | "updatedAt">>;
}): Promise<void> {
  await db.update(storyboardEdits).set(patch).where(eq(storyboardEdits.id, id));
}

/** Newest first; `beforeSeq` continues a page. */
export async function listEditsByStoryboard({
  db,
  storyboardId,
  limit,
  beforeSeq,
}: {
  db: DbOrTx;
  storyboardId: string;
  limit: number;
  beforeSeq?: number;
}): Promise<StoryboardEditRow[]> {
  return db
    .select()
    .from(storyboardEdits)
    .where(and(eq(storyboardEdits.storyboardId, storyboardId), beforeSeq === undefined ? undefined : lt(storyboardEdits.seq, beforeSeq)))
    .orderBy(desc(storyboardEdits.seq))
    .limit(limit);
}
