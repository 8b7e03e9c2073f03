import type { Env } from "@/lib/config/env";
import type { DownloadPolicy } from "./safe-download";

/** The operator's base download policy (DOWNLOAD_*); each adapter adds its own hosts to it. */
export function downloadPolicy(config: Env): DownloadPolicy {
  return {
    allowedHosts: config.DOWNLOAD_ALLOWED_HOSTS.split(",").map((h) => h.trim()).filter(Boolean),
    maxBytes: config.DOWNLOAD_MAX_BYTES,
    timeoutMs: config.DOWNLOAD_TIMEOUT_MS,
    allowPrivate: config.DOWNLOAD_ALLOW_PRIVATE,
  };
}

/** A configured service URL's origin (COMFYUI_URL, GPU_SERVICE_URL): the operator named it. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
