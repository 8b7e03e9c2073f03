import type { ImageProvider } from "./types";

/** What generic code reads off any adapter, with the fallbacks a stub without them gets. */
export function providerFacts(provider: ImageProvider): {
  expectedSeconds: number;
  allowedDownloadHosts: readonly string[];
  pricePerImage: number;
  syncWaitSeconds: number;
  outputFormat: "png" | "webp" | "jpg";
} {
  return {
    syncWaitSeconds: provider.syncWaitSeconds ?? 0,
    outputFormat: provider.outputFormat ?? "webp",
    expectedSeconds: provider.expectedSeconds ?? provider.model.expectedSeconds ?? 10,
    allowedDownloadHosts: provider.allowedDownloadHosts ?? [],
    pricePerImage: provider.pricePerImage ?? provider.model.pricePerImage,
  };
}
