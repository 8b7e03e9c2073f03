import "server-only";
import type { Env } from "@/lib/config/env";
import { notConfiguredError } from "../call-failure";
import { downloadPolicy, originOf } from "../download-policy";
import type { ProviderEntry } from "../provider-entry";
import { ProviderError } from "../types";
import { GPU_SERVICE_MODEL, GpuServiceProvider } from "./provider";

/** Where the service reports: it PATCHes `${callback_url}/jobs/{job_id}`, served by app/api/v1/jobs/[jobId]. */
export function gpuCallbackUrl(config: Env): string | null {
  return config.PUBLIC_BASE_URL ? `${config.PUBLIC_BASE_URL.replace(/\/+$/, "")}/api/v1` : null;
}

/** Outputs only from the service's own origin — not even DOWNLOAD_ALLOWED_HOSTS' hosts. */
export function gpuDownloadPolicy(config: Env) {
  const origin = originOf(config.GPU_SERVICE_URL!);
  return { ...downloadPolicy(config), allowedHosts: [new URL(origin).hostname], trustedOrigins: [origin] };
}

export const gpuServiceEntry: ProviderEntry = {
  id: "gpu-service",
  label: "GPU service (seed 000 protocol)",
  isConfigured: (config) => Boolean(config.GPU_SERVICE_URL),
  defaultModel: () => GPU_SERVICE_MODEL.key,
  models: () => [GPU_SERVICE_MODEL],
  create(config: Env, _modelKey, deps) {
    if (!config.GPU_SERVICE_URL) throw notConfiguredError("the GPU service", "GPU_SERVICE_URL");
    const callbackUrl = gpuCallbackUrl(config);
    if (!callbackUrl) throw notConfiguredError("the GPU service", "PUBLIC_BASE_URL (the service calls back to it)");
    if (!deps.gpuJobs) {
      // The app passes lib/db/queries/gpu-jobs.ts's store; reaching here without it is a wiring bug.
      throw new ProviderError({ code: "PROVIDER_ERROR", message: "The GPU service adapter needs its job store.", retryable: false, retryAfterSeconds: null });
    }
    return new GpuServiceProvider({ baseUrl: config.GPU_SERVICE_URL, callbackUrl, store: deps.gpuJobs, download: gpuDownloadPolicy(config) });
  },
  checkIsHealth: true,
  async check(config) {
    const started = performance.now();
    const host = new URL(config.GPU_SERVICE_URL!).host;
    try {
      const res = await fetch(`${config.GPU_SERVICE_URL!.replace(/\/+$/, "")}/health`, { cache: "no-store", signal: AbortSignal.timeout(3000) });
      const body = (await res.json().catch(() => null)) as { status?: unknown } | null;
      const latencyMs = Math.round(performance.now() - started);
      const status = typeof body?.status === "string" ? body.status : null;
      const detail = `${host}${status ? `, ${status}` : ""}${config.GPU_SERVICE_SECRET ? ", callbacks need the secret" : ", no callback secret"}`;
      if (!res.ok) return { ok: false, latencyMs, detail, error: { code: "PROVIDER_ERROR", message: `The GPU service answered HTTP ${res.status}.` } };
      return { ok: true, latencyMs, detail, error: null };
    } catch {
      return { ok: false, latencyMs: Math.round(performance.now() - started), detail: host, error: { code: "NETWORK_ERROR", message: "The GPU service could not be reached." } };
    }
  },
};
