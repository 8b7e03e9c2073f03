import "server-only";
import { safeDownload, type DownloadPolicy } from "./safe-download";
import { ProviderError } from "./types";

// Prediction.output carries strings of three kinds, decided here once for every adapter:
//   https://… (or http://… for an operator-named host) — downloaded under the download policy;
//   data:image/png;base64,… — bytes an API answered with inline (OpenAI-compatible b64_json);
//   anything else — an opaque ref only its adapter reads (sketch:frame).
// A data: URL keeps Prediction JSON-safe and self-describing (the media type travels with it).

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/=\s]+)$/;

export type OutputRef =
  | { kind: "url"; url: string }
  | { kind: "inline"; mediaType: string; base64: string }
  | { kind: "opaque"; ref: string };

export function parseOutputRef(ref: string): OutputRef {
  if (ref.startsWith("data:")) {
    const m = ref.match(DATA_URL);
    if (!m) {
      throw new ProviderError({ code: "INVALID_OUTPUT", message: "The provider sent inline bytes we cannot read.", retryable: false, retryAfterSeconds: null });
    }
    return { kind: "inline", mediaType: m[1]!, base64: m[2]! };
  }
  if (/^https?:\/\//i.test(ref)) return { kind: "url", url: ref };
  return { kind: "opaque", ref };
}

/** Inline bytes as an output ref (media type sniffed from the magic bytes; PNG when unknown). */
export function inlineOutputRef(bytes: Buffer): string {
  const mediaType =
    bytes[0] === 0xff && bytes[1] === 0xd8
      ? "image/jpeg"
      : bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP"
        ? "image/webp"
        : "image/png";
  return `data:${mediaType};base64,${bytes.toString("base64")}`;
}

/** Decodes an inline ref under the byte cap the downloads obey. */
export function decodeInline(base64: string, maxBytes: number): Buffer {
  // 4 base64 characters carry 3 bytes: refuse before allocating anything oversized.
  if (Math.floor((base64.length * 3) / 4) > maxBytes + 3) {
    throw new ProviderError({ code: "OUTPUT_TOO_LARGE", message: "The inline frame is larger than the download cap.", retryable: false, retryAfterSeconds: null });
  }
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0 || bytes.length > maxBytes) {
    throw new ProviderError({
      code: bytes.length === 0 ? "INVALID_OUTPUT" : "OUTPUT_TOO_LARGE",
      message: bytes.length === 0 ? "The provider sent an empty inline frame." : "The inline frame is larger than the download cap.",
      retryable: false,
      retryAfterSeconds: null,
    });
  }
  return bytes;
}

/** The bytes of a URL or inline output ref; opaque refs are the adapter's to resolve. */
export async function fetchOutputBytes(ref: string, policy: DownloadPolicy): Promise<Buffer> {
  const parsed = parseOutputRef(ref);
  if (parsed.kind === "inline") return decodeInline(parsed.base64, policy.maxBytes);
  if (parsed.kind === "url") return safeDownload(parsed.url, policy);
  throw new ProviderError({ code: "INVALID_OUTPUT", message: "This output reference belongs to another provider.", retryable: false, retryAfterSeconds: null });
}
