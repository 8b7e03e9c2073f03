import "server-only";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { storyboardEdits, type StoryboardEditRow } from "../schema";

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
