import { createHmac, timingSafeEqual } from "node:crypto";

/** Replays older (or further in the future) than this are refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookHeaders = { id: string | null; timestamp: string | null; signature: string | null };

/**
 * Verifies a Replicate (Standard Webhooks) signature over the raw body: HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` with the base64 key after `whsec_`, compared in constant time,
 * and the timestamp within the tolerance (the client library checks neither).
 */
export function verifyReplicateWebhook(input: {
  secret: string;
  headers: WebhookHeaders;
  rawBody: string;
  nowSeconds: number;
}): { ok: true } | { ok: false; reason: string } {
  const { id, timestamp, signature } = input.headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: "missing webhook signature headers" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts)) return { ok: false, reason: "malformed webhook-timestamp" };
  if (Math.abs(input.nowSeconds - ts) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: "stale webhook-timestamp" };
  const key = Buffer.from(input.secret.split("_").pop() ?? "", "base64");
  if (key.length === 0) return { ok: false, reason: "webhook secret is empty" };
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${input.rawBody}`).digest();
  const matches = signature.split(" ").some((entry) => {
    const [version, value] = entry.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: "signature does not match" };
}
