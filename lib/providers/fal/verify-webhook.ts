import { createHash, createPublicKey, verify } from "node:crypto";

/** fal signs each webhook with Ed25519; deliveries older (or newer) than this are refused. */
export const FAL_WEBHOOK_TOLERANCE_SECONDS = 300;

export type FalJwk = { kty?: string; crv?: string; x: string; kid?: string };

export type FalWebhookHeaders = {
  requestId: string | null;
  userId: string | null;
  timestamp: string | null;
  /** hex-encoded Ed25519 signature */
  signature: string | null;
};

export function falWebhookHeaders(headers: Headers): FalWebhookHeaders {
  return {
    requestId: headers.get("x-fal-webhook-request-id"),
    userId: headers.get("x-fal-webhook-user-id"),
    timestamp: headers.get("x-fal-webhook-timestamp"),
    signature: headers.get("x-fal-webhook-signature"),
  };
}

/** The bytes fal signs: request id, user id, timestamp and the body's SHA-256 (hex), one per line. */
export function falSignedMessage(h: { requestId: string; userId: string; timestamp: string }, rawBody: string): Buffer {
  const digest = createHash("sha256").update(rawBody, "utf8").digest("hex");
  return Buffer.from([h.requestId, h.userId, h.timestamp, digest].join("\n"), "utf8");
}

/**
 * Checks a fal webhook against fal's published Ed25519 keys (JWKS): the signature over the
 * message above with any key, and the timestamp within the tolerance.
 */
export function verifyFalWebhook(input: {
  headers: FalWebhookHeaders;
  rawBody: string;
  keys: FalJwk[];
  nowSeconds: number;
}): { ok: true } | { ok: false; reason: string } {
  const { requestId, userId, timestamp, signature } = input.headers;
  if (!requestId || !userId || !timestamp || !signature) return { ok: false, reason: "missing fal webhook signature headers" };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts)) return { ok: false, reason: "malformed x-fal-webhook-timestamp" };
  if (Math.abs(input.nowSeconds - ts) > FAL_WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: "stale x-fal-webhook-timestamp" };
  if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: "malformed x-fal-webhook-signature" };
  const message = falSignedMessage({ requestId, userId, timestamp }, input.rawBody);
  const sig = Buffer.from(signature, "hex");
  const matches = input.keys.some((jwk) => {
    try {
      const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
      return verify(null, message, key, sig);
    } catch {
      return false;
    }
  });
  return matches ? { ok: true } : { ok: false, reason: "signature does not match" };
}
