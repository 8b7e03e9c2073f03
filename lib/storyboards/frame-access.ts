import "server-only";
import type { Db } from "@/lib/db/client";
import { getFrameById, getFrameByPredictionId, getRetryOf } from "@/lib/db/queries/frames";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import type { FrameRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

async function ensureOwned(db: Db, workspaceId: string, frame: FrameRow | undefined, what: string): Promise<FrameRow> {
  if (!frame || !(await getStoryboardById({ db, workspaceId, id: frame.storyboardId }))) {
    throw new AppError("NOT_FOUND", `No ${what}.`);
  }
  return frame;
}

export async function frameInWorkspaceOrThrow({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }) {
  return ensureOwned(db, workspaceId, await getFrameById({ db, id }), "frame with this id");
}

export async function frameByPredictionOrThrow({
  db,
  workspaceId,
  predictionId,
}: {
  db: Db;
  workspaceId: string;
  predictionId: string;
}) {
  return ensureOwned(db, workspaceId, await getFrameByPredictionId({ db, predictionId }), "prediction with this id");
}

/** Follows a frame's retries to the newest attempt: a client polling the first id sees the final outcome. */
export async function newestAttempt(db: Db, frame: FrameRow): Promise<FrameRow> {
  let current = frame;
  for (let hops = 0; hops < 10; hops++) {
    // Only a failed attempt is ever retried: a stored frame's poll needs no further lookup.
    if (current.status !== "failed") return current;
    const next = await getRetryOf({ db, frameId: current.id });
    if (!next) return current;
    current = next;
  }
  return current;
}
