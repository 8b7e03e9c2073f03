import "server-only";
import type { Client } from "@libsql/client";
import type { Storage } from "@/lib/storage/types";
import { APP_VERSION } from "@/lib/config/version";

type Check = { ok: boolean; latencyMs: number; error?: string };
export type Health = {
  status: "ok" | "degraded";
  version: string;
  uptime: number;
  checks: { database: Check; storage: Check };
};

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
  timeoutMs?: number;
}): Promise<Health> {
  const timeoutMs = deps.timeoutMs ?? 3000;
  const [database, storage] = await Promise.all([
    timed(async () => (await deps.database()).execute("SELECT 1"), timeoutMs),
    timed(async () => deps.storage().check(), timeoutMs),
  ]);
  return {
    status: database.ok && storage.ok ? "ok" : "degraded",
    version: APP_VERSION,
    uptime: Math.round(process.uptime()),
    checks: { database, storage },
  };
}
