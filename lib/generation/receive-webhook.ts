import "server-only";
import { z } from "zod";
import type { Env } from "@/lib/config/env";
import { getFrameByPredictionId } from "@/lib/db/queries/frames";
import { deleteWebhookReceipt, recordWebhookReceipt } from "@/lib/db/queries/webhook-receipts";
import type { FrameRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { ProviderDeps } from "@/lib/providers/provider-entry";
import type { Prediction } from "@/lib/providers/types";
import { verifyWebhookDelivery } from "@/lib/providers/verify-webhook-delivery";
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
 * The legacy route's receiver (`POST /api/webhooks/replicate`, kept as it was for seed clients and
 * its tests; new providers go through receiveProviderWebhook). A verified Replicate webhook feeds the same transition as a poll. Each `webhook-id` is applied
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
  return applyDeliveryOnce(deps, prediction, input.headers.id!); // verified present
}

/**
 * A webhook of any provider that signs its deliveries (`POST /api/webhooks/:provider`): the
 * adapter verifies and parses it (lib/providers/verify-webhook-delivery.ts), then it feeds the
 * same transition as a poll, once per delivery id. The frame is found by the prediction id in
 * the signed body alone.
 */
export async function receiveProviderWebhook(
  deps: GenerationDeps,
  input: { providerId: string; request: Request; rawBody: string; config: Env; providerDeps?: ProviderDeps },
): Promise<WebhookOutcome> {
  const { prediction, deliveryId } = await verifyWebhookDelivery({
    providerId: input.providerId,
    request: input.request,
    rawBody: input.rawBody,
    config: input.config,
    ...(input.providerDeps ? { deps: input.providerDeps } : {}),
  });
  return applyDeliveryOnce(deps, prediction, deliveryId === null ? null : `${input.providerId}:${deliveryId}`);
}

/** Applies a verified prediction to its frame; a delivery id already seen changes nothing. */
async function applyDeliveryOnce(deps: GenerationDeps, prediction: Prediction, receiptId: string | null): Promise<WebhookOutcome> {
  if (receiptId !== null) {
    const fresh = await recordWebhookReceipt({ db: deps.db, id: receiptId, now: deps.now(), keepMs: RECEIPT_KEEP_MS });
    if (!fresh) return { duplicate: true, frame: null };
  }
  try {
    const frame = await getFrameByPredictionId({ db: deps.db, predictionId: prediction.id });
    // Unknown predictions (e.g. a deleted storyboard) are acknowledged so the provider stops retrying.
    if (!frame) return { duplicate: false, frame: null };
    return { duplicate: false, frame: await applyObservation(deps, frame, { kind: "prediction", prediction }) };
  } catch (e) {
    // Not applied: let the provider's retry of this delivery through.
    if (receiptId !== null) await deleteWebhookReceipt({ db: deps.db, id: receiptId }).catch(() => {});
    throw e;
  }
}
