import "server-only";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { providerForFrame } from "@/lib/providers/get-provider";
import { getStorage } from "@/lib/storage/get-storage";
import type { GenerationDeps } from "./deps";
import { appProviderDeps } from "./provider-deps";

/** The pipeline wired to the app's database, storage, providers and clock. */
export async function appGenerationDeps(): Promise<GenerationDeps> {
  return {
    db: await getDb(),
    storage: getStorage(),
    providerFor: (frame) => providerForFrame(frame, env(), appProviderDeps()),
    now: () => new Date(),
    checkIntervalMs: 1000,
    leaseMs: 60_000,
    // Within the generate route's maxDuration (300 s), with the sync wait (≤ 60 s) in front of it.
    followUpMs: 180_000,
  };
}
