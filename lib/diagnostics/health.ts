import "server-only";
import type { Client } from "@libsql/client";
import type { Storage } from "@/lib/storage/types";
import { env } from "@/lib/config/env";
import { APP_VERSION } from "@/lib/config/version";
import { checkProviders } from "@/lib/providers/registry";

type Check = { ok: boolean; latencyMs: number; error?: string };
export type Health = {
  status: "ok" | "degraded";
  version: string;
  uptime: number;
  checks: { database: Check; storage: Check };
  /** Each configured image provider; self-hosted ones (ComfyUI, GPU service) are asked if they are up. */
  providers: ProviderHealth[];
};

/** What health tells anyone about a provider: no hosts, keys or models. */
export type ProviderHealth = { id: string; active: boolean; ok: boolean | null; latencyMs: number | null };

/** The configured providers, the self-hosted ones checked live (GET {GPU_SERVICE_URL}/health, ComfyUI's /system_stats). */
export async function providerHealth(): Promise<ProviderHealth[]> {
  const checks = await checkProviders(env(), { live: "health" });
  return checks.filter((c) => c.configured).map(({ id, active, ok, latencyMs }) => ({ id, active, ok, latencyMs }));
}

async function timed(work: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    // Name the failure without leaking driver internals (paths, hosts, credentials).
    const message = e instanceof Error && /no answer within/.test(e.message) ? e.message : "unavailable";
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  }
}

export async function checkHealth(deps: {
  database: () => Promise<Client>;
  storage: () => Storage;
  /** Defaults to providerHealth() on the app's configuration. */
  providers?: () => Promise<ProviderHealth[]>;
  timeoutMs?: number;
}): Promise<Health> {
  const timeoutMs = deps.timeoutMs ?? 3000;
  const [database, storage, providers] = await Promise.all([
    timed(async () => (await deps.database()).execute("SELECT 1"), timeoutMs),
    timed(async () => deps.storage().check(), timeoutMs),
    (deps.providers ?? providerHealth)().catch((): ProviderHealth[] => []),
  ]);
  // The provider new frames go to being down (a GPU box off) degrades the app; others only report.
  const activeDown = providers.some((p) => p.active && p.ok === false);
  return {
    status: database.ok && storage.ok && !activeDown ? "ok" : "degraded",
    version: APP_VERSION,
    uptime: Math.round(process.uptime()),
    checks: { database, storage },
    providers,
  };
}
