import { env } from "@/lib/config/env";
import { json, route } from "@/lib/http/respond";
import { activeProviderId, configuredProviders } from "@/lib/providers/registry";

// GET /api/providers — the image providers this instance can draw with (the active one first), with
// their models: what POST /api/storyboards/:id/generate accepts as `provider`. No secrets, no network.
export const GET = route(async (request) => {
  // Reading the request keeps this handler dynamic (the env is read per request, never at build).
  void new URL(request.url);
  const config = env();
  const active = activeProviderId(config);
  return json({
    success: true,
    active,
    providers: configuredProviders(config).map((e) => ({
      id: e.id,
      label: e.label,
      active: e.id === active,
      defaultModel: e.defaultModel(config),
      models: e.models(config).map((m) => ({ key: m.key, label: m.label, pricePerImage: m.pricePerImage, supportsReferenceImage: m.supportsReferenceImage })),
    })),
  });
});
