import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// A corpus of malformed requests over every route, the route list read from app/api at test time:
// a new route (or method) is swept without anyone remembering to add it. Each request must answer
// a 4xx in the JSON error envelope — never a 5xx, never a success.

const API = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { file: string; pattern: string; segments: { name: string; catchAll: boolean }[]; source: string; handlers: Partial<Record<Method, Handler>> };

async function discoverRoutes(): Promise<Route[]> {
  const files = (await readdir(API, { recursive: true })).filter((f) => f.endsWith("route.ts")).sort();
  return Promise.all(
    files.map(async (file) => {
      const dirs = path.dirname(file).split(path.sep).filter((d) => d !== ".");
      const segments = dirs.flatMap((d) => {
        const m = /^\[(\.\.\.)?(\w+)\]$/.exec(d);
        return m ? [{ name: m[2]!, catchAll: Boolean(m[1]) }] : [];
      });
      const mod = (await import(path.join(API, file))) as Record<string, unknown>;
      const handlers = Object.fromEntries(METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]));
      return { file, pattern: `/api/${dirs.join("/")}`, segments, source: await readFile(path.join(API, file), "utf8"), handlers };
    }),
  );
}

/** Decoded values of a dynamic segment (what Next hands a handler) that no id or key may be. */
const BAD_IDS = ["", " ", "a b", "..", "../etc", "x\u0000y", "\u0000", "%", "%00", "a/b", "x".repeat(300), "日本語", "<script>", "id\n"];
const BAD_KEYS = [[".."], ["..", "..", "etc", "passwd"], ["a\u0000"], ["%2e%2e"], ["storyboards", "x", "..", "..", "y"], [""], ["x".repeat(600)], ["a b"]];

/** Query values the routes that read a query must refuse, by parameter. */
const BAD_QUERIES: Record<string, string[]> = {
  "/api/storyboards": ["limit=abc", "limit=-5", "limit=1e9", "cursor=%00", `cursor=${"x".repeat(300)}`, "cursor=not-a-cursor", "q=%00", `q=${"x".repeat(300)}`, "q=a%1Bb"],
  "/api/storyboards/[id]/history": ["limit=0", "limit=abc", "limit=1000", "before=0", "before=-1", "before=x"],
  "/api/storyboards/[id]/export": ["format=exe", "", "format=pdf&layout=nope", "format=mp4&captions=maybe", "format=PDF"],
  "/api/storyboards/[id]/animatic": ["captions=maybe", "captions=2", "captions=%00"],
};

const HUGE = JSON.stringify({ prompt: "x".repeat(3 * 1024 * 1024), description: "x" });
/** Bodies no JSON route may accept, whatever its schema. */
const BAD_BODIES: { name: string; body: string; type?: string }[] = [
  { name: "malformed JSON", body: "{" },
  { name: "truncated JSON", body: '{"prompt": "a fox' },
  { name: "empty body", body: "" },
  { name: "JSON null", body: "null" },
  { name: "JSON array", body: "[]" },
  { name: "JSON number", body: "123" },
  { name: "JSON string", body: '"a fox"' },
  { name: "wrong types", body: JSON.stringify({ prompt: 5, title: [], sceneIds: "x", description: {}, targetDuration: "long", frameCount: -1, sceneIndex: "0", projectId: 7 }) },
  { name: "prototype keys", body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { name: "deep nesting", body: `${"[".repeat(5000)}${"]".repeat(5000)}` },
  { name: "NUL everywhere", body: JSON.stringify({ prompt: "\u0000", title: "\u0000", description: "\u0000", imagePrompt: "\u0000", projectId: "\u0000", sceneIndex: 0, sceneIds: ["\u0000"] }) },
  { name: "huge body (3 MiB)", body: HUGE },
  { name: "form-encoded", body: "prompt=a+fox", type: "application/x-www-form-urlencoded" },
  { name: "text/plain JSON", body: '{"prompt":"a fox"}', type: "text/plain" },
];

const readsBody = (r: Route) => /readJson|readOptionalJson|readJsonBody|readTextBody|readBytesBody/.test(r.source);
/** Routes whose body is an image, not JSON: swept with every bad body above; tests/api/upload-frame.test.ts sends real ones. */
const BINARY_BODY = new Set(["/api/storyboards/[id]/scenes/[sceneId]/frames"]);
const readsQuery = (r: Route) => r.source.includes("searchParams");

let storyboardId: string;
/** A second storyboard for the routes whose valid request locks it (approve). */
let lockableId: string;
let editId: string;
let sceneIds: string[];
let routes: Route[];
let exported: unknown;

beforeAll(async () => {
  await useTempAppEnv();
  routes = await discoverRoutes();
  const create = routes.find((r) => r.pattern === "/api/storyboards")!.handlers.POST!;
  const sb = (await call(create, { method: "POST", body: { prompt: "A lighthouse keeper finds a message in a bottle", frameCount: 3 } })).body.storyboard;
  storyboardId = sb.id;
  sceneIds = sb.scenes.map((s: { id: string }) => s.id);
  lockableId = (await call(create, { method: "POST", body: { prompt: "A keeper locks the lighthouse for the winter", frameCount: 3 } })).body.storyboard.id;
  const scenePatch = routes.find((r) => r.pattern === "/api/storyboards/[id]/scenes/[sceneId]")!.handlers.PATCH!;
  await call(scenePatch, { method: "PATCH", params: { id: storyboardId, sceneId: sceneIds[0]! }, body: { notes: "a first edit, for the history routes" } });
  const history = routes.find((r) => r.pattern === "/api/storyboards/[id]/history")!.handlers.GET!;
  editId = (await call(history, { params: { id: storyboardId } })).body.entries[0].id;
  const exportRoute = routes.find((r) => r.pattern === "/api/storyboards/[id]/export")!.handlers.GET!;
  exported = await (await exportRoute(new Request(`http://127.0.0.1/x?format=json`), { params: Promise.resolve({ id: storyboardId }) })).json();
});

/** Params for a route: real ids (so bodies and queries get as far as validation), one segment swapped. */
function paramsFor(r: Route, swap?: { name: string; value: string | string[] }) {
  const real: Record<string, string | string[]> = {
    id: r.pattern === "/api/storyboards/[id]/approve" ? lockableId : storyboardId,
    sceneId: sceneIds[0]!,
    editId,
    predictionId: "nosuchprediction",
    key: ["storyboards", "x", "frames", "missing.png"],
  };
  const params: Record<string, string | string[]> = {};
  for (const s of r.segments) params[s.name] = swap?.name === s.name ? swap.value : real[s.name]!;
  return params;
}

type Sent = { route: Route; method: Method; what: string; status: number; body: unknown };
const sent: Sent[] = [];

async function send(r: Route, method: Method, what: string, options: { params: Record<string, string | string[]>; body?: string; type?: string; query?: string }) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = options.type ?? "application/json";
  const res = await call(r.handlers[method], {
    method,
    url: `http://127.0.0.1:3000${r.pattern}${options.query ? `?${options.query}` : ""}`,
    params: options.params,
    ...(options.body !== undefined ? { body: options.body } : {}),
    headers,
  });
  sent.push({ route: r, method, what, status: res.status, body: res.body });
  return res;
}

function expectRefused(res: { status: number; body: unknown }, label: string) {
  expect(res.status, `${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
  expect(res.body, label).toMatchObject({ success: false, error: { code: expect.any(String), message: expect.any(String) } });
}

describe("bad-input corpus over every route in app/api", () => {
  it("finds the routes (read from app/api, not listed by hand)", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) expect(Object.keys(r.handlers).length, r.file).toBeGreaterThan(0);
  });

  it("refuses malformed ids and keys in every dynamic segment of every method", async () => {
    for (const r of routes) {
      for (const method of Object.keys(r.handlers) as Method[]) {
        for (const segment of r.segments) {
          const values: (string | string[])[] = segment.catchAll ? BAD_KEYS : BAD_IDS;
          for (const value of values) {
            const body = readsBody(r) && method !== "GET" && method !== "DELETE" ? "{}" : undefined;
            const label = `${method} ${r.pattern} ${segment.name}=${JSON.stringify(value).slice(0, 40)}`;
            expectRefused(await send(r, method, label, { params: paramsFor(r, { name: segment.name, value }), body }), label);
          }
        }
      }
    }
  });

  it("refuses malformed bodies on every route that reads one", async () => {
    for (const r of routes.filter(readsBody)) {
      for (const method of (Object.keys(r.handlers) as Method[]).filter((m) => m !== "GET" && m !== "DELETE")) {
        for (const bad of BAD_BODIES) {
          const label = `${method} ${r.pattern} ${bad.name}`;
          expectRefused(await send(r, method, label, { params: paramsFor(r), body: bad.body, type: bad.type }), label);
        }
      }
    }
  });

  it("refuses malformed query values on every route that reads its query", async () => {
    for (const r of routes.filter(readsQuery)) {
      const queries = BAD_QUERIES[r.pattern];
      expect(queries, `${r.pattern} reads its query: add its bad values to BAD_QUERIES`).toBeDefined();
      for (const method of Object.keys(r.handlers) as Method[]) {
        if (r.pattern === "/api/storyboards" && method === "POST") continue; // reads a body, not the query
        for (const query of queries!) {
          const label = `${method} ${r.pattern}?${query.slice(0, 40)}`;
          expectRefused(await send(r, method, label, { params: paramsFor(r), query }), label);
        }
      }
    }
  });

  it("refuses a NUL or control character in every text field of every body (the valid body itself is accepted)", async () => {
    const { default: sharp } = await import("sharp");
    const roadmap = (
      await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200"><rect width="100%" height="100%" fill="white"/><text x="30" y="80" font-family="DejaVu Sans" font-size="32">Q1 Customer Portal</text><text x="30" y="150" font-family="DejaVu Sans" font-size="32">Q2 Smart Scheduling</text></svg>`)).png().toBuffer()
    ).toString("base64");
    const fountain = "INT. KITCHEN - NIGHT\n\nMara stirs the pot.\n\nMARA\nIt is late.\n";
    const code = "/** Sends the invoice. */\nexport function sendInvoice(id: string) { return id; }\n";
    const valid: Record<string, () => unknown> = {
      "POST /api/storyboards/import-script": () => ({ script: fountain, title: "Kitchen" }),
      "POST /api/storyboards/from-code": () => ({ file_content: code, file_name: "invoice.ts", custom_headline: "Invoices" }),
      "POST /api/storyboards/from-roadmap": () => ({ image_data: roadmap, custom_headline: "Roadmap" }),
      "POST /api/storyboard/code": () => ({ file_content: code, file_name: "invoice.ts", custom_headline: "Invoices" }),
      "POST /api/storyboard/roadmap": () => ({ image_data: roadmap, custom_headline: "Roadmap" }),
      "POST /api/storyboards": () => ({ prompt: "A fox in the snow", title: "Fox", frameCount: 3 }),
      "POST /api/storyboard": () => ({ prompt: "A fox in the snow", title: "Fox", frameCount: 3 }),
      "POST /api/generate-image": () => ({ prompt: "a fox", projectId: storyboardId, sceneIndex: 0 }),
      "PATCH /api/storyboards/[id]": () => ({ title: "Renamed" }),
      "POST /api/storyboards/[id]/scenes": () => ({ afterSceneId: null, description: "d", imagePrompt: "p", dialogue: "hi", notes: "n" }),
      "PATCH /api/storyboards/[id]/scenes/[sceneId]": () => ({ description: "d", imagePrompt: "p", dialogue: "hi", notes: "n" }),
      "POST /api/storyboards/[id]/scenes/reorder": () => ({ sceneIds: [...sceneIds].reverse() }),
      "POST /api/storyboards/[id]/generate": () => ({ sceneIds: [sceneIds[0]], force: true, provider: "sketch" }),
      "POST /api/storyboards/import": () => exported,
      "POST /api/storyboards/[id]/approve": () => ({ force: true }),
      "POST /api/storyboards/[id]/history/[editId]/restore": () => ({ to: "before" }),
    };
    for (const r of routes.filter(readsBody)) {
      for (const method of (Object.keys(r.handlers) as Method[]).filter((m) => m !== "GET" && m !== "DELETE")) {
        const key = `${method} ${r.pattern}`;
        // signed: every unsigned body is refused above
        if (r.pattern === "/api/webhooks/replicate" || r.pattern === "/api/webhooks/[provider]") continue;
        if (BINARY_BODY.has(r.pattern)) continue; // no JSON text fields to sweep
        // Answers only a configured GPU service's job in flight (404 otherwise): its text fields are
        // swept in tests/providers/gpu-service.test.ts against a real job.
        if (r.pattern === "/api/v1/jobs/[jobId]") continue;
        expect(valid[key], `${key} reads a body: add a valid one here so its text fields are swept`).toBeDefined();
        const base = valid[key]!();
        for (const leaf of stringLeaves(base)) {
          for (const ch of ["\u0000", "\u001b", "\u0085"]) {
            const label = `${key} ${leaf.join(".")} with U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
            expectRefused(await send(r, method, label, { params: paramsFor(r), body: JSON.stringify(withLeaf(base, leaf, `ok${ch}tail`)) }), label);
          }
        }
        const ok = await send(r, method, `${key} valid`, { params: paramsFor(r), body: JSON.stringify(base) });
        expect(ok.status, `${key} valid body → ${ok.status} ${JSON.stringify(ok.body).slice(0, 200)}`).toBeLessThan(300);
      }
    }
  });

  it("refuses malformed percent-encoding in any segment before routing (proxy.ts)", async () => {
    const { proxy, config } = await import("@/proxy");
    expect(config.matcher).toBe("/api/:path*");
    for (const r of routes) {
      for (const bad of ["%C0%AF", "%FF", "%E0%A4%A", "abc%ZZ", "%"]) {
        const raw = r.segments.length > 0 ? r.pattern.replace(/\[[^\]]+\]/, bad).replace(/\[\.{0,3}\w+\]/g, "x") : `${r.pattern}/${bad}`;
        const res = proxy(new NextRequest(`http://127.0.0.1:3000${raw}`));
        const label = `proxy ${raw}`;
        sent.push({ route: r, method: "GET", what: label, status: res.status, body: null });
        expect(res.status, label).toBe(400);
        expect(await res.json()).toMatchObject({ success: false, error: { code: "INVALID_REQUEST" } });
      }
      // a well-encoded path passes through to the route
      expect(proxy(new NextRequest(`http://127.0.0.1:3000${r.pattern.replace(/\[[^\]]+\]/g, "caf%C3%A9")}`)).headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("sent at least 150 malformed requests, over every route", () => {
    const refused = sent.filter((s) => !s.what.endsWith(" valid"));
    expect(refused.length).toBeGreaterThanOrEqual(150);
    expect(new Set(refused.map((s) => s.route.file))).toEqual(new Set(routes.map((r) => r.file)));
    expect(refused.filter((s) => s.status >= 500)).toEqual([]);
    console.info(`bad-input corpus: ${refused.length} malformed requests over ${routes.length} routes, none answered 5xx or 2xx`);
  });
});

function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

function withLeaf(base: unknown, leaf: (string | number)[], value: string): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of leaf.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[leaf.at(-1)!] = value;
  return copy;
}
