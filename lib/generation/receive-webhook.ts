import "server-only";
import { z } from "zod";
import { getFrameByPredictionId } from "@/lib/db/queries/frames";
import { deleteWebhookReceipt, recordWebhookReceipt } from "@/lib/db/queries/webhook-receipts";
import type { FrameRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { mapPrediction } from "@/lib/providers/replicate/map-prediction";
import { verifyReplicateWebhook, WEBHOOK_TOLERANCE_SECONDS, type WebhookHeaders } from "@/lib/providers/replicate/verify-webhook";
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

/** A receipt outlives the signature window on both sides (timestamps may be early or late by it). */
const RECEIPT_KEEP_MS = 2 * WEBHOOK_TOLERANCE_SECONDS * 1000 + 60_000;

export type WebhookOutcome = { duplicate: boolean; frame: FrameRow | null };

/**
 * A verified Replicate webhook feeds the same transition as a poll. Each `webhook-id` is applied
 * once: a replay of a captured delivery, or Replicate delivering it again, changes nothing. The
 * frame is found by the prediction id in the signed body alone — never by anything in the URL,
 * which the signature does not cover.
 */
export async function receiveReplicateWebhook(
  deps: GenerationDeps,
  input: { secret: string | undefined; headers: WebhookHeaders; rawBody: string },
): Promise<WebhookOutcome> {
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
  const receiptId = input.headers.id!; // verified present
  const fresh = await recordWebhookReceipt({ db: deps.db, id: receiptId, now: deps.now(), keepMs: RECEIPT_KEEP_MS });
  if (!fresh) return { duplicate: true, frame: null };
  try {
    const frame = await getFrameByPredictionId({ db: deps.db, predictionId: prediction.id });
    // Unknown predictions (e.g. a deleted storyboard) are acknowledged so Replicate stops retrying.
    if (!frame) return { duplicate: false, frame: null };
    return { duplicate: false, frame: await applyObservation(deps, frame, { kind: "prediction", prediction }) };
  } catch (e) {
    // Not applied: let Replicate's retry of this delivery through.
    await deleteWebhookReceipt({ db: deps.db, id: receiptId }).catch(() => {});
    throw e;
  }
}
