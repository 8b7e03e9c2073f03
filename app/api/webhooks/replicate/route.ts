import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { receiveReplicateWebhook } from "@/lib/generation/receive-webhook";
import { readTextBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";

const MAX_WEBHOOK_BYTES = 1024 * 1024;

// POST /api/webhooks/replicate — signed prediction updates from Replicate, fed to the same state machine
export const POST = route(async (request) => {
  const rawBody = await readTextBody(request, MAX_WEBHOOK_BYTES);
  const { duplicate, frame } = await receiveReplicateWebhook(await appGenerationDeps(), {
    secret: env().REPLICATE_WEBHOOK_SECRET,
    headers: {
      id: request.headers.get("webhook-id"),
      timestamp: request.headers.get("webhook-timestamp"),
      signature: request.headers.get("webhook-signature"),
    },
    rawBody,
  });
  return json({ success: true, frameId: frame?.id ?? null, status: frame?.status ?? null, ...(duplicate ? { duplicate } : {}) });
});
