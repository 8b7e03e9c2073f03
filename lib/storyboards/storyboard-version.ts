import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getStoryboardChangeState } from "@/lib/db/queries/storyboards";
import { AppError } from "@/lib/errors";

/**
 * The live-sync check: the storyboard's revision and an opaque version that changes whenever
 * anything in it does (fields, scenes, frames, the edit log) — one SQL statement, no frames or
 * URLs built, so an open editor can ask every second or two for almost nothing.
 */
export async function storyboardVersion({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }) {
  const state = await getStoryboardChangeState({ db, workspaceId, id });
  if (!state) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  const version = createHash("sha1").update(`${state.revision}|${state.token}`).digest("base64url").slice(0, 16);
  return { revision: state.revision, version };
}
