import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { receiveReplicateWebhook } from "@/lib/generation/receive-webhook";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http/respond";

const MAX_WEBHOOK_BYTES = 1024 * 1024;

// POST /api/webhooks/replicate — signed prediction updates from Replicate, fed to the same state machine
export const POST = route(async (request) => {
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Webhook body too large.");
  const frame = await receiveReplicateWebhook(await appGenerationDeps(), {
    secret: env().REPLICATE_WEBHOOK_SECRET,
    headers: {
      id: request.headers.get("webhook-id"),
      timestamp: request.headers.get("webhook-timestamp"),
      signature: request.headers.get("webhook-signature"),
    },
    rawBody,
    frameId: new URL(request.url).searchParams.get("frame"),
  });
  return json({ success: true, frameId: frame?.id ?? null, status: frame?.status ?? null });
});
