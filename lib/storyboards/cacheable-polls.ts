import "server-only";
import { createHash } from "node:crypto";
import type { Env } from "@/lib/config/env";
import { getFrameByPredictionInWorkspace, getFrameVersionByPredictionInWorkspace, getStoryboardFingerprint } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { GenerationDeps } from "@/lib/generation/deps";
import { pollFrame } from "@/lib/generation/poll-frame";
import { newestAttempt } from "./frame-access";
import { seedPollResponse } from "./seed-api";
import { toFrameDto } from "./to-dto";

// Polls of finished work answer the same thing forever. They carry an ETag, so a conditional
// repeat costs one SQL statement and a 304; a stored frame's seed answer is also immutable, so a
// browser does not even ask again. Answers are per workspace: private, never a shared cache's.

/** Whether the file URLs inside an answer stay valid (presigned S3 URLs expire). */
export function urlsAreStable(config: Env): boolean {
  return config.STORAGE_DRIVER === "local" || Boolean(config.S3_PUBLIC_BASE_URL);
}

/** `If-None-Match` holds this ETag (a list, weak forms, or `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export type CacheableAnswer<T> =
  | { notModified: true; etag: string; cacheControl: string }
  | { notModified: false; body: T; etag: string | null; cacheControl: string };

const IMMUTABLE = "private, max-age=31536000, immutable";
const REVALIDATE = "private, no-cache";
const NO_STORE = "no-store";

const frameEtag = (f: Pick<FrameRow, "id"> & { updatedAt: Date | number }) =>
  `"f-${f.id}-${typeof f.updatedAt === "number" ? f.updatedAt : f.updatedAt.getTime()}"`;
const isSettled = (f: { status: FrameRow["status"]; retried: boolean }) => (f.status === "succeeded" || f.status === "canceled") && !f.retried;

/**
 * GET /api/generate-image/:predictionId. A stored (or canceled) frame is answered from the one
 * joined lookup; anything else goes through pollFrame as before (follows retries, may nudge the
 * provider, answers "processing" while the output is being stored).
 */
export async function seedPollAnswer(
  deps: GenerationDeps,
  args: { workspaceId: string; predictionId: string; ifNoneMatch: string | null; config: Env },
): Promise<CacheableAnswer<ReturnType<typeof seedPollResponse>>> {
  const scope = { db: deps.db, workspaceId: args.workspaceId, predictionId: args.predictionId };
  if (args.ifNoneMatch && urlsAreStable(args.config)) {
    // A conditional repeat: a few columns decide it; the whole row is read only if it changed.
    const version = await getFrameVersionByPredictionInWorkspace(scope);
    if (version && isSettled(version) && matchesEtag(args.ifNoneMatch, frameEtag(version))) {
      return { notModified: true, etag: frameEtag(version), cacheControl: IMMUTABLE };
    }
  }
  const hit = await getFrameByPredictionInWorkspace(scope);
  if (!hit) throw new AppError("NOT_FOUND", "No prediction with this id.");
  if (isSettled({ status: hit.frame.status, retried: hit.retried }) && urlsAreStable(args.config)) {
    const etag = frameEtag(hit.frame);
    if (matchesEtag(args.ifNoneMatch, etag)) return { notModified: true, etag, cacheControl: IMMUTABLE };
    const body = seedPollResponse(await toFrameDto(hit.frame, deps.storage), hit.frame.input.prompt);
    return { notModified: false, body, etag, cacheControl: IMMUTABLE };
  }
  const frame = await pollFrame(deps, await newestAttempt(deps.db, hit.frame));
  return { notModified: false, body: seedPollResponse(await toFrameDto(frame, deps.storage), frame.input.prompt), etag: null, cacheControl: NO_STORE };
}

/**
 * The status answer's ETag when nothing is drawing (null while frames are in flight, and when the
 * answer's file URLs expire: a 304 would keep a presigned URL past its window).
 */
export async function statusEtag(deps: GenerationDeps, args: { workspaceId: string; storyboardId: string; config: Env }): Promise<string | null> {
  if (!urlsAreStable(args.config)) return null;
  const fp = await getStoryboardFingerprint({ db: deps.db, workspaceId: args.workspaceId, storyboardId: args.storyboardId });
  if (!fp) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  if (fp.pending > 0) return null;
  return `"s-${createHash("sha256").update(`${args.storyboardId}.${fp.version}`).digest("base64url").slice(0, 22)}"`;
}

/** Cache-Control of a status answer. */
export const statusCacheControl = (etag: string | null) => (etag ? REVALIDATE : NO_STORE);
