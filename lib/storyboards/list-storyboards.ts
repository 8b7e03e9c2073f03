import "server-only";
import { z } from "zod";
import { singleLineText } from "@/lib/text-fields";
import type { Db } from "@/lib/db/client";
import { listSucceededFramesByStoryboards } from "@/lib/db/queries/frames";
import { listScenesByStoryboards } from "@/lib/db/queries/scenes";
import { listStoryboardsByWorkspace } from "@/lib/db/queries/storyboards";
import { framesByScene, selectedFrameOf } from "@/lib/generation/latest-frames";
import { AppError } from "@/lib/errors";
import type { AspectRatio, StylePreset } from "@/lib/planner/schema";
import { getStorage } from "@/lib/storage/get-storage";
import type { StoryboardSummaryDto } from "./dto";

const THUMBNAILS = 8;

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: singleLineText().max(200).optional(),
  /** Search the title and the idea (case-insensitive substring). */
  q: singleLineText().trim().max(200).optional(),
});

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [ms, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(Number(ms));
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("INVALID_REQUEST", "The cursor is not one this API gave out.");
  return { createdAt, id };
}

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.getTime()}|${id}`).toString("base64url");

/** Newest first, with a thumbnail strip per storyboard; `nextCursor` continues the list. */
export async function listStoryboards({
  db,
  workspaceId,
  limit = 20,
  cursor,
  q,
}: {
  db: Db;
  workspaceId: string;
  limit?: number;
  cursor?: string;
  q?: string;
}): Promise<{ storyboards: StoryboardSummaryDto[]; nextCursor: string | null }> {
  const rows = await listStoryboardsByWorkspace({ db, workspaceId, limit: limit + 1, cursor: decodeCursor(cursor), search: q || undefined });
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [scenes, frames] = await Promise.all([
    listScenesByStoryboards({ db, storyboardIds: ids }),
    listSucceededFramesByStoryboards({ db, storyboardIds: ids }),
  ]);
  const byScene = framesByScene(frames);
  const storage = getStorage();
  const storyboards = await Promise.all(
    page.map(async (row): Promise<StoryboardSummaryDto> => {
      const own = scenes.filter((s) => s.storyboardId === row.id);
      const thumbnails = await Promise.all(
        own.slice(0, THUMBNAILS).map(async (scene) => {
          const frame = selectedFrameOf(scene.selectedFrameId, byScene.get(scene.id)?.succeeded ?? []);
          return frame?.thumbnailKey ? storage.url(frame.thumbnailKey) : null;
        }),
      );
      return {
        id: row.id,
        title: row.title,
        style: row.style as StylePreset,
        aspectRatio: row.aspectRatio as AspectRatio,
        totalDuration: row.totalDuration,
        status: row.status,
        sceneCount: own.length,
        approvedAt: row.approvedAt?.toISOString() ?? null,
        revision: row.revision,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        thumbnails,
      };
    }),
  );
  const last = page.at(-1);
  return { storyboards, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
