import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { appProviderDeps } from "@/lib/generation/provider-deps";
import { receiveProviderWebhook } from "@/lib/generation/receive-webhook";
import { readTextBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";

const MAX_WEBHOOK_BYTES = 1024 * 1024;

// POST /api/webhooks/:provider — signed prediction updates from any provider that signs them
// (its adapter verifies and parses the delivery), fed to the same state machine as a poll.
// /api/webhooks/replicate is its own static route and wins over this one.
export const POST = route(async (request, ctx: RouteContext<"/api/webhooks/[provider]">) => {
  const { provider } = await ctx.params;
  const rawBody = await readTextBody(request, MAX_WEBHOOK_BYTES);
  const { duplicate, frame } = await receiveProviderWebhook(await appGenerationDeps(), {
    providerId: provider,
    request,
    rawBody,
    config: env(),
    providerDeps: appProviderDeps(),
  });
  return json({ success: true, frameId: frame?.id ?? null, status: frame?.status ?? null, ...(duplicate ? { duplicate } : {}) });
});
