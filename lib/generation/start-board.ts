import "server-only";
import { randomUUID } from "node:crypto";
import { claimFrameLease, updateFrameWithLease } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError, type ImageProvider } from "@/lib/providers/types";
import { advance, type Observation } from "./advance";
import { firstCheckAt } from "./check-schedule";
import type { GenerationDeps } from "./deps";

/**
 * Starts queued frames with one `provider.startBoard` call (providers that draw a whole board in
 * one job, e.g. the GPU service): prediction `i` goes to frame `i`, in the order given (scene
 * order). Each frame is claimed with its own lease first, as startFrame does, so a poll that finds
 * one stuck never starts it twice. Answers every frame's row after the start.
 */
export async function startBoardFrames(deps: GenerationDeps, provider: ImageProvider, frames: FrameRow[], prompt: string): Promise<FrameRow[]> {
  const token = randomUUID();
  const claimed: FrameRow[] = [];
  for (const frame of frames) {
    const row = await claimFrameLease({ db: deps.db, id: frame.id, fromStatuses: ["queued"], token, now: deps.now(), leaseMs: deps.leaseMs });
    if (row) claimed.push(row);
  }
  if (claimed.length === 0 || !provider.startBoard) return frames;
  const startedAt = deps.now();
  let observations: Observation[];
  try {
    const predictions = await provider.startBoard({ prompt, frames: claimed.map((f) => f.input) });
    observations = claimed.map((_, i): Observation => {
      const prediction = predictions[i];
      if (prediction) return { kind: "prediction", prediction };
      const failure = { code: "INVALID_OUTPUT", message: "The provider started fewer frames than asked.", retryable: true, retryAfterSeconds: null };
      return { kind: "call-failed", during: "start", failure };
    });
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    observations = claimed.map((): Observation => ({ kind: "call-failed", during: "start", failure: e.failure }));
  }
  const updated = new Map<string, FrameRow>();
  for (const [i, frame] of claimed.entries()) {
    const observation = observations[i]!;
    const transition = advance(frame, observation, deps.now());
    // A board start reports no output yet; should one come back finished, the next poll stores it.
    const patch = transition.patch.status === "finalizing" ? { ...transition.patch, status: "processing" as const } : transition.patch;
    const nextCheckAt = observation.kind === "prediction" ? await firstCheckAt(deps, frame, startedAt) : null;
    const row = await updateFrameWithLease({
      db: deps.db,
      id: frame.id,
      token,
      patch: { ...patch, lastCheckedAt: nextCheckAt ? null : deps.now(), nextCheckAt },
    });
    if (row) updated.set(row.id, row);
  }
  return frames.map((f) => updated.get(f.id) ?? f);
}
