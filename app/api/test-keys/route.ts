import { env } from "@/lib/config/env";
import { assertDiagnosticsAllowed } from "@/lib/diagnostics/gate";
import { json, route } from "@/lib/http/respond";
import { checkLlm } from "@/lib/planner/check-llm";
import { usesReplicate } from "@/lib/providers/get-provider";
import { checkReplicateToken } from "@/lib/providers/replicate/check-token";
import { checkProviders } from "@/lib/providers/registry";

// GET /api/test-keys — each key the app knows: set, valid, masked (never the key itself)
export const GET = route(async (request) => {
  assertDiagnosticsAllowed(request);
  const config = env();
  const [llm, replicate, providers] = await Promise.all([
    checkLlm({ env: config }),
    checkReplicateToken(config.REPLICATE_API_TOKEN, config.REPLICATE_BASE_URL),
    checkProviders(config, { live: "all" }),
  ]);
  return json({
    success: true,
    planner: llm.planner,
    imageProvider: providers.find((p) => p.active)?.id ?? (usesReplicate(config) ? "replicate" : "sketch"),
    // every image provider: configured, active, checked (keys masked in `detail`)
    providers: providers.filter((p) => p.configured),
    keys: {
      openai: { set: llm.keySet, valid: llm.valid, masked: llm.keyMasked, latencyMs: llm.latencyMs, baseUrlHost: llm.baseUrlHost, model: llm.model, error: llm.error },
      replicate: { set: replicate.keySet, valid: replicate.valid, masked: replicate.keyMasked, latencyMs: replicate.latencyMs, account: replicate.account, error: replicate.error },
      replicateWebhookSecret: { set: Boolean(config.REPLICATE_WEBHOOK_SECRET) },
      s3: { set: Boolean(config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY), driver: config.STORAGE_DRIVER },
      databaseAuthToken: { set: Boolean(config.DATABASE_AUTH_TOKEN) },
    },
  });
});
