import "server-only";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import { claimFrameLease, updateFrameWithLease } from "@/lib/db/queries/frames";
import { updateSceneById } from "@/lib/db/queries/scenes";
import { storyboardExists } from "@/lib/db/queries/storyboards";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError, type ProviderFailure } from "@/lib/providers/types";
import { frameKeys } from "@/lib/storage/keys";
import { advance, type Observation } from "./advance";
import { runInBackground } from "./background";
import type { GenerationDeps } from "./deps";
import { processOutput } from "./process-output";

// sharp saturates the cores on its own: more finalizations at once only add decoded images to
// memory (ten 2 MP frames at once peaked at 413 MB), never speed.
const sharpSlots = pLimit(Math.max(1, availableParallelism()));

function asFailure(e: unknown): ProviderFailure {
  if (e instanceof ProviderError) return e.failure;
  return { code: "STORAGE_ERROR", message: "The frame could not be stored.", retryable: true, retryAfterSeconds: null };
}

/**
 * Download → sharp → storage → row, exactly once: a lease claimed with a conditional UPDATE makes
 * this request the only finalizer; a finalizer that dies leaves a lease that expires, and the next
 * poll takes over. Storage keys are content-addressed, so a repeat after a crash is harmless.
 *
 * `background`: claim the lease now and answer the claimed ("finalizing") row at once; the
 * download, sharp, storage and row run after the response (a poll never waits for them).
 */
export async function finalizeFrame(
  deps: GenerationDeps,
  frame: FrameRow,
  output: string,
  mode: "inline" | "background" = "inline",
): Promise<FrameRow> {
  const token = randomUUID();
  const now = deps.now();
  const claimed = await claimFrameLease({
    db: deps.db,
    id: frame.id,
    fromStatuses: ["starting", "processing", "finalizing"],
    token,
    now,
    leaseMs: deps.leaseMs,
    patch: { status: "finalizing", progress: 1 },
  });
  if (!claimed) return frame; // someone else holds it, or it is already done
  if (mode === "background") {
    runInBackground(`finalize frame ${claimed.id}`, () => storeClaimedFrame(deps, claimed, token, output));
    return claimed;
  }
  return storeClaimedFrame(deps, claimed, token, output);
}

/** The lease is ours: download → sharp → storage → row. */
async function storeClaimedFrame(deps: GenerationDeps, claimed: FrameRow, token: string, output: string): Promise<FrameRow> {
  let observation: Observation;
  const written: string[] = [];
  try {
    const provider = deps.providerFor(claimed);
    const bytes = await provider.fetchOutput(output, claimed.input);
    const processed = await sharpSlots(() => processOutput(bytes));
    const keys = frameKeys(claimed.storyboardId, processed.hash, processed.original.ext);
    const displayKey = processed.display ? keys.display : keys.original;
    written.push(keys.original, keys.thumbnail, ...(processed.display ? [keys.display] : []));
    await Promise.all([
      deps.storage.put(keys.original, processed.original.body, { contentType: processed.original.contentType }),
      processed.display && deps.storage.put(keys.display, processed.display, { contentType: "image/webp" }),
      deps.storage.put(keys.thumbnail, processed.thumbnail, { contentType: "image/webp" }),
    ]);
    observation = {
      kind: "finalized",
      stored: {
        originalKey: keys.original,
        displayKey,
        thumbnailKey: keys.thumbnail,
        contentType: processed.original.contentType,
        width: processed.width,
        height: processed.height,
        bytes: processed.original.body.length,
        contentHash: processed.hash,
        depicts: provider.depictsOf?.(claimed.input) ?? [],
      },
    };
  } catch (e) {
    observation = { kind: "finalize-failed", failure: asFailure(e) };
  }

  const { patch } = advance(claimed, observation, deps.now());
  const updated = await updateFrameWithLease({ db: deps.db, id: claimed.id, token, patch });
  if (!updated) {
    // Check after writing: a storyboard deleted while we stored its frame has already had its
    // files removed, so what we just wrote would stay behind for good.
    if (written.length > 0 && !(await storyboardExists({ db: deps.db, id: claimed.storyboardId }))) {
      await Promise.all(written.map((key) => deps.storage.delete(key).catch(() => {})));
    }
    return claimed; // otherwise our lease was taken over; the new holder records the result
  }
  if (updated.status === "succeeded") {
    // The newest success becomes the scene's frame (a regenerate shows its result).
    await updateSceneById({
      db: deps.db,
      storyboardId: updated.storyboardId,
      sceneId: updated.sceneId,
      patch: { selectedFrameId: updated.id },
    });
  }
  return updated;
}
