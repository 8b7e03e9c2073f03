import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent } from "undici";
import { isAllowedHost, isPrivateAddress } from "./address-guard";
import { ProviderError, type ProviderFailure } from "./types";

export type DownloadPolicy = {
  allowedHosts: string[];
  maxBytes: number;
  timeoutMs: number;
  /** Tests and benchmarks only: allow http and private/loopback addresses. */
  allowPrivate: boolean;
  maxRedirects?: number;
  /**
   * Origins the operator named explicitly (COMFYUI_URL, GPU_SERVICE_URL): downloads from exactly
   * these may use http, any port and a private address — a ComfyUI on the LAN is a normal setup.
   * Matched by whole origin (scheme, host, port), never by subdomain; every other URL, including a
   * redirect away from a trusted origin, gets the full public-only checks.
   */
  trustedOrigins?: readonly string[];
};

/** The URL's origin is one the operator named (see DownloadPolicy.trustedOrigins). */
export function isTrustedOrigin(url: URL, policy: DownloadPolicy): boolean {
  if (!policy.trustedOrigins?.length) return false;
  return policy.trustedOrigins.some((o) => {
    try {
      return new URL(o).origin === url.origin;
    } catch {
      return false;
    }
  });
}

const fail = (code: string, message: string, retryable = false): never => {
  const failure: ProviderFailure = { code, message, retryable, retryAfterSeconds: null };
  throw new ProviderError(failure);
};

/** Refuses URLs we must not fetch, before any connection is made. */
export function checkDownloadUrl(raw: string, policy: DownloadPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("DOWNLOAD_BLOCKED", "The output URL is not a valid URL.");
  }
  if (url.username || url.password) fail("DOWNLOAD_BLOCKED", "The output URL carries credentials.");
  if (isTrustedOrigin(url, policy)) return url;
  const protocols = policy.allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!protocols.includes(url.protocol)) fail("DOWNLOAD_BLOCKED", "Frames are only downloaded over https.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!policy.allowPrivate) {
    if (url.port && url.port !== "443") fail("DOWNLOAD_BLOCKED", "The output URL uses a non-standard port.");
    if (isIP(host) !== 0) fail("DOWNLOAD_BLOCKED", "The output URL points at a raw IP address.");
  }
  if (!isAllowedHost(host, policy.allowedHosts)) {
    fail("DOWNLOAD_BLOCKED", `The output host ${host} is not on the download allow-list.`);
  }
  return url;
}

/** A DNS lookup that refuses non-public addresses at connect time (no rebinding window). */
export function guardedLookup(
  hostname: string,
  options: object,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || list.length === 0) {
      const e = new Error(`refusing to connect to a non-public address for ${hostname}`) as NodeJS.ErrnoException;
      e.code = "EAI_BLOCKED";
      return callback(e, "");
    }
    const wantsAll = (options as { all?: boolean }).all;
    if (wantsAll) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}

/**
 * Drops a body we will not read. Not awaited: cancel() of a tee'd body (any fetch wrapper that
 * clones the response, as msw does) settles only once every branch is canceled, so awaiting it
 * can hang a refused download forever — and a refusal must be immediate.
 */
function discard(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null | undefined): void {
  body?.cancel().catch(() => {});
}

let guardedAgent: Agent | undefined;
const agent = () => (guardedAgent ??= new Agent({ connect: { lookup: guardedLookup } }));

/**
 * Downloads a provider output under the policy: allow-listed hosts only, redirects re-checked,
 * private addresses refused after DNS, the byte cap enforced while streaming, and a timeout.
 */
export async function safeDownload(raw: string, policy: DownloadPolicy): Promise<Buffer> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url = checkDownloadUrl(raw, policy);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(url, {
        redirect: "manual",
        signal,
        cache: "no-store",
        // An operator-named origin may resolve to a LAN address on purpose; everything else
        // is resolved through the guard so DNS can't rebind it to one.
        ...(policy.allowPrivate || isTrustedOrigin(url, policy) ? {} : { dispatcher: agent() }),
      } as RequestInit);
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === "TimeoutError" || err.name === "AbortError") fail("TIMEOUT", "Downloading the frame timed out.", true);
      if (err.cause?.code === "EAI_BLOCKED") fail("DOWNLOAD_BLOCKED", "The output host resolves to a private address.");
      return fail("NETWORK_ERROR", "The frame could not be downloaded (network error).", true);
    }
    if (res.status >= 300 && res.status < 400) {
      discard(res.body);
      const location = res.headers.get("location");
      if (!location || hop >= (policy.maxRedirects ?? 3)) fail("DOWNLOAD_FAILED", "Too many redirects downloading the frame.");
      url = checkDownloadUrl(new URL(location!, url).href, policy);
      continue;
    }
    if (res.status === 404 || res.status === 410) {
      discard(res.body);
      fail("OUTPUT_EXPIRED", "The provider no longer has this frame (outputs expire after about an hour). Regenerate it.");
    }
    if (!res.ok) {
      discard(res.body);
      fail("DOWNLOAD_FAILED", `The frame download failed with HTTP ${res.status}.`, res.status >= 500 || res.status === 429);
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > policy.maxBytes) {
      discard(res.body);
      fail("OUTPUT_TOO_LARGE", `The frame is larger than ${formatBytes(policy.maxBytes)}.`);
    }
    return readCapped(res, policy.maxBytes);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        discard(reader);
        fail("OUTPUT_TOO_LARGE", `The frame is larger than ${formatBytes(maxBytes)}.`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ProviderError) throw e;
    const err = e as Error;
    if (err.name === "TimeoutError" || err.name === "AbortError") fail("TIMEOUT", "Downloading the frame timed out.", true);
    fail("NETWORK_ERROR", "The frame download was interrupted.", true);
  }
  return Buffer.concat(chunks);
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
