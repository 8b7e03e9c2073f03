import { gzipSync } from "node:zlib";

// First-load JS of a page: every script the server-rendered HTML makes a modern browser fetch from
// /_next/static (<script src> and <link rel="preload"/"modulepreload" as="script">), each gzipped.
// <script nomodule> (Next's legacy polyfills, ~40 kB gzipped) is left out: module-capable browsers skip it.

export type Chunk = { file: string; gzipBytes: number; contains: string[] };
export type FirstLoad = {
  path: string;
  status: number;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
  /** Every script, largest first, with the libraries recognisable in it. */
  chunks: Chunk[];
};

/** Strings that survive minification and name the library a chunk carries. */
const LIBRARY_MARKERS: [string, string][] = [
  ["react-dom", "react-dom"],
  ["zod", "ZodError"],
  ["@tanstack/react-query", "QueryClient"],
  ["@dnd-kit", "DndContext"],
];

export function librariesIn(text: string): string[] {
  return LIBRARY_MARKERS.filter(([, marker]) => text.includes(marker)).map(([name]) => name);
}

/** The /_next/static script and stylesheet URLs an HTML page references, deduplicated, in order. */
export function staticAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = m[0];
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (!src || !src.includes("/_next/static/") || /\bnomodule\b/i.test(tag)) continue;
    scripts.add(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || !href.includes("/_next/static/")) continue;
    if (/\brel="(?:preload|modulepreload)"/.test(tag) && /\bas="script"/.test(tag)) scripts.add(href);
    else if (/\brel="(?:modulepreload)"/.test(tag)) scripts.add(href);
    else if (/\brel="stylesheet"/.test(tag) || /\.css(\?|$)/.test(href)) styles.add(href);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

export async function measureFirstLoad(origin: string, path: string): Promise<FirstLoad> {
  const res = await fetch(`${origin}${path}`);
  const html = await res.text();
  const { scripts, styles } = staticAssets(html);
  let rawBytes = 0;
  let gzipBytes = 0;
  const chunks: Chunk[] = [];
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    const gz = gzipSync(body).length;
    rawBytes += body.length;
    gzipBytes += gz;
    chunks.push({ file: src.split("/").pop() ?? src, gzipBytes: gz, contains: librariesIn(body.toString("utf8")) });
  }
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  let cssGzipBytes = 0;
  for (const href of styles) {
    const body = Buffer.from(await (await fetch(new URL(href, origin))).arrayBuffer());
    cssGzipBytes += gzipSync(body).length;
  }
  return { path, status: res.status, files: scripts.length, rawBytes, gzipBytes, cssGzipBytes, chunks };
}
