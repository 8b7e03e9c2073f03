import type { Env } from "@/lib/config/env";
import type { GpuJobStore } from "./gpu-service/job-store";
import type { DownloadPolicy } from "./safe-download";
import type { ImageProvider, ModelInfo, ProviderId } from "./types";

/** What the app lends adapters that keep state outside the provider (the GPU service's jobs). */
export type ProviderDeps = {
  /** Where GPU-service jobs live (lib/db/queries/gpu-jobs.ts in the app, memory in tests). */
  gpuJobs?: GpuJobStore;
};

/** One diagnostics line per provider: configured?, reachable?, key valid? Secrets masked. */
export type ProviderCheck = {
  id: ProviderId;
  label: string;
  configured: boolean;
  /** New frames are drawn with it. */
  active: boolean;
  /** null: not checked (not configured, or nothing to check). */
  ok: boolean | null;
  latencyMs: number | null;
  /** e.g. the masked key, the host, the model. */
  detail: string | null;
  error: { code: string; message: string } | null;
};

/** A backend as the registry knows it: everything generic code needs without naming it. */
export type ProviderEntry = {
  id: ProviderId;
  label: string;
  /** The env carries what this adapter needs (sketch: always). */
  isConfigured(config: Env): boolean;
  /** The model key new frames use. */
  defaultModel(config: Env): string;
  /** Models a person can pick for this provider. */
  models(config: Env): ModelInfo[];
  /** An adapter for `modelKey`; throws ProviderError(AUTHENTICATION_FAILED) when not configured. */
  create(config: Env, modelKey: string, deps: ProviderDeps): ImageProvider;
  /** A live check for /api/test-keys (absent: nothing to check beyond configuration). */
  check?(config: Env): Promise<Omit<ProviderCheck, "id" | "label" | "configured" | "active">>;
  /** check() only asks a self-hosted box whether it is up (free, fast): /api/health runs it too. */
  checkIsHealth?: boolean;
};

/** The download policy of one adapter: the operator's base policy plus the adapter's own hosts. */
export function policyWith(base: DownloadPolicy, extra: { hosts?: readonly string[]; trustedOrigins?: readonly string[] }): DownloadPolicy {
  const hosts = [...new Set([...base.allowedHosts, ...(extra.hosts ?? [])])];
  const trusted = [...new Set([...(base.trustedOrigins ?? []), ...(extra.trustedOrigins ?? [])])];
  return { ...base, allowedHosts: hosts, ...(trusted.length ? { trustedOrigins: trusted } : {}) };
}
