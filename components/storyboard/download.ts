import { ApiError, toApiError } from "@/components/api/fetch-json";

// Export downloads: fetch → blob → object URL, so the menu can show that an MP4 is still rendering
// and report the server's error message instead of a broken download page.

/** The file name in a Content-Disposition header (RFC 6266 `filename*` first), else the fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star?.[2]) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? "").trim();
  return name || fallback;
}

export type DownloadProgress = { received: number; total: number | null };

/** Downloads `url` and hands the file to the browser. Rejects with ApiError on a JSON error answer. */
export async function downloadFile(
  url: string,
  fallbackName: string,
  onProgress?: (p: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  const res = await fetch(url, { signal });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw toApiError(res.status, body, res.statusText, res.headers.get("Retry-After"));
  }
  const total = Number(res.headers.get("Content-Length")) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      onProgress?.({ received, total });
    }
  } else {
    const buf = new Uint8Array(await res.arrayBuffer());
    chunks.push(buf);
  }
  if (chunks.length === 0) throw new ApiError({ code: "EXPORT_FAILED", message: "The export was empty.", status: res.status });
  const blob = new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" });
  const name = filenameFromDisposition(res.headers.get("Content-Disposition"), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: Chrome needs the URL alive until the download has started.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
