import "server-only";
import { z } from "zod";
import { getFrameById, getFrameByPredictionId } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { mapPrediction } from "@/lib/providers/replicate/map-prediction";
import { verifyReplicateWebhook, type WebhookHeaders } from "@/lib/providers/replicate/verify-webhook";
import type { GenerationDeps } from "./deps";
import { applyObservation } from "./poll-frame";

const webhookBodySchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullable().optional(),
  metrics: z.looseObject({ predict_time: z.number().optional() }).nullable().optional(),
});

/**
 * A verified Replicate webhook feeds the same transition as a poll. Idempotent: Replicate may
 * send one webhook several times, and a terminal frame ignores further news.
 */
export async function receiveReplicateWebhook(
  deps: GenerationDeps,
  input: { secret: string | undefined; headers: WebhookHeaders; rawBody: string; frameId: string | null },
): Promise<FrameRow | null> {
  if (!input.secret) throw new AppError("UNAUTHORIZED", "Webhooks are not configured (REPLICATE_WEBHOOK_SECRET is not set).");
  const verdict = verifyReplicateWebhook({
    secret: input.secret,
    headers: input.headers,
    rawBody: input.rawBody,
    nowSeconds: Math.floor(deps.now().getTime() / 1000),
  });
  if (!verdict.ok) throw new AppError("UNAUTHORIZED", `Webhook rejected: ${verdict.reason}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.rawBody);
  } catch {
    throw new AppError("INVALID_REQUEST", "The webhook body is not valid JSON.");
  }
  const prediction = mapPrediction(webhookBodySchema.parse(parsed) as Parameters<typeof mapPrediction>[0]);
  const frame =
    (await getFrameByPredictionId({ db: deps.db, predictionId: prediction.id })) ??
    (input.frameId ? await getFrameById({ db: deps.db, id: input.frameId }) : undefined);
  // Unknown predictions (e.g. a deleted storyboard) are acknowledged so Replicate stops retrying.
  if (!frame || (frame.predictionId && frame.predictionId !== prediction.id)) return null;
  return applyObservation(deps, frame, { kind: "prediction", prediction });
}
