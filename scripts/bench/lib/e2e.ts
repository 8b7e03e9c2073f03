import type { StubCounters, StubPrediction } from "./replicate-stub";
import type { StubServer } from "./stub-server";
import { summarize, type Summary } from "./stats";

// End-to-end generation of one storyboard, three ways, against the same stand-in provider:
//   ours              — POST …/generate, then N tabs poll GET …/status the way the editor does;
//   sequential        — a peer's loop: create → poll every second → download, one scene after another;
//   proxy-every-poll  — a peer's client: every tab polls every prediction and each poll reaches the provider.
// Wall times are divided by the slowest prediction's own latency: the physical floor.

export const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export type E2eResult = {
  strategy: "ours" | "sequential" | "proxy-every-poll";
  tabs: number;
  frames: number;
  /** Generate request (or first create) → every frame stored and seen by a client. */
  wallMs: number;
  /** Ours only: generate request → the last frame's row says succeeded (server clock). */
  storedMs: number | null;
  /** Slowest single prediction's latency (the floor for parallel strategies). */
  slowestMs: number;
  /** Sum of latencies (the floor for the sequential strategy). */
  sumLatencyMs: number;
  creates: number;
  gets: number;
  downloads: number;
  /** Requests the clients sent to our server (ours) or to the provider (peers). */
  clientRequests: number;
  /** Ours only: upstream "succeeded" → first GET that saw it. */
  discoveryLagMs: Summary | null;
  /** Ours only: first GET that saw success → row stored (download + sharp + storage + row). */
  finalizeMs: Summary | null;
  failed: number;
  /** Ours only: the storyboard and its frames' prediction ids (for the load tests). */
  storyboardId: string | null;
  predictionIds: string[];
};

function diff(after: StubCounters, before: StubCounters) {
  return { creates: after.creates - before.creates, gets: after.gets - before.gets, downloads: after.downloads - before.downloads };
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

type FrameDto = { status: string; predictionId: string | null; completedAt: string | null };
type ProgressDto = {
  stage: string;
  scenesTotal: number;
  scenesCompleted: number;
  scenesFailed: number;
  scenesInFlight: number;
  scenes: { sceneId: string; latestFrame: FrameDto | null; selectedFrame: FrameDto | null }[];
};

export async function createStoryboard(origin: string, frames: number, targetDuration = frames * 4): Promise<{ id: string; sceneIds: string[] }> {
  const res = await fetch(`${origin}/api/storyboards`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "A lighthouse keeper guides a lost fishing boat home through a winter storm", frameCount: frames, targetDuration }),
  });
  const body = await json<{ storyboard: { id: string; scenes: { id: string }[] } }>(res, "POST /api/storyboards");
  return { id: body.storyboard.id, sceneIds: body.storyboard.scenes.map((s) => s.id) };
}

export async function startGeneration(origin: string, id: string): Promise<{ predictionId: string | null }[]> {
  const res = await fetch(`${origin}/api/storyboards/${id}/generate`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (res.status !== 202) throw new Error(`POST generate: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()).frames as { predictionId: string | null }[];
}

export async function getProgress(origin: string, id: string): Promise<ProgressDto> {
  const res = await fetch(`${origin}/api/storyboards/${id}/status`);
  return (await json<{ progress: ProgressDto }>(res, "GET status")).progress;
}

const settled = (p: ProgressDto) => p.stage !== "generating" && p.scenesInFlight === 0;

/**
 * Ours: one generate request, then `tabs` editors polling GET …/status. Each tab polls like the
 * editor's TanStack Query hook: refetchInterval restarts whenever the query updates, so the next
 * poll leaves `pollMs` after the previous answer; a tab stops once it sees the storyboard settled.
 * Tab k starts k·pollMs/tabs late, so tabs are spread over the interval as real ones would be.
 */
export async function runOurs(options: {
  origin: string;
  stub: StubServer;
  tabs: number;
  frames: number;
  pollMs?: number;
  timeoutMs?: number;
}): Promise<E2eResult> {
  const { origin, stub, tabs, frames } = options;
  const pollMs = options.pollMs ?? 1000;
  const { id } = await createStoryboard(origin, frames);
  const before = stub.replicate.snapshot();
  const t0 = now();
  await startGeneration(origin, id);
  const stopAt = t0 + (options.timeoutMs ?? 60_000);
  // A holder, not `let`s: the tabs (closures) write it, and TS would not see those writes.
  const seen: { at: number | null; progress: ProgressDto | null; requests: number } = { at: null, progress: null, requests: 0 };

  const tab = async (k: number) => {
    await sleep((k * pollMs) / tabs);
    while (now() < stopAt) {
      const p = await getProgress(origin, id);
      seen.requests++;
      if (settled(p)) {
        if (seen.at === null) {
          seen.at = now();
          seen.progress = p;
        }
        return;
      }
      await sleep(pollMs);
    }
  };
  if (tabs === 0) {
    // Nobody polls: watch the stand-in (in this process) until every output was downloaded, then
    // read the result once. "Done" is the newest frame's completedAt, i.e. the row was stored.
    while (now() < stopAt && diff(stub.replicate.snapshot(), before).downloads < frames) await sleep(50);
    // Then read until the rows say stored. A read of a frame being stored (its lease held) changes
    // nothing; the wall is the newest row's completedAt, not when we looked.
    while (now() < stopAt) {
      const p = await getProgress(origin, id);
      seen.requests++;
      if (settled(p)) {
        const stored = p.scenes.map((s) => s.latestFrame?.completedAt).filter((c): c is string => Boolean(c)).map((c) => Date.parse(c));
        seen.at = stored.length === frames ? Math.max(...stored) : null;
        seen.progress = p;
        break;
      }
      await sleep(250);
    }
  }
  await Promise.all(Array.from({ length: tabs }, (_, k) => tab(k)));
  const { at: doneAt, progress, requests: clientRequests } = seen;
  if (doneAt === null || progress === null) throw new Error(`ours (${tabs} tabs): frames did not settle within the timeout`);
  const counts = diff(stub.replicate.snapshot(), before);

  const latest = progress.scenes.map((s) => s.latestFrame).filter((f): f is FrameDto => f !== null);
  const predictions = latest
    .map((f) => (f.predictionId ? stub.replicate.predictions.get(f.predictionId) : undefined))
    .filter((p): p is StubPrediction => p !== undefined);
  const stored = latest.map((f) => (f.completedAt ? Date.parse(f.completedAt) : Number.NaN)).filter(Number.isFinite);
  const discovery = predictions
    .filter((p) => p.firstSucceededSeenMs !== null)
    .map((p) => p.firstSucceededSeenMs! - (p.createdAtMs + p.latencyMs));
  const finalize = latest.flatMap((f) => {
    const p = f.predictionId ? stub.replicate.predictions.get(f.predictionId) : undefined;
    if (!p || p.firstSucceededSeenMs === null || !f.completedAt) return [];
    return [Date.parse(f.completedAt) - p.firstSucceededSeenMs];
  });
  return {
    strategy: "ours",
    tabs,
    frames,
    wallMs: doneAt - t0,
    storedMs: stored.length ? Math.max(...stored) - t0 : null,
    slowestMs: Math.max(...predictions.map((p) => p.latencyMs)),
    sumLatencyMs: predictions.reduce((s, p) => s + p.latencyMs, 0),
    ...counts,
    clientRequests,
    discoveryLagMs: summarize(discovery),
    finalizeMs: summarize(finalize),
    failed: progress.scenesFailed,
    storyboardId: id,
    predictionIds: predictions.map((p) => p.id),
  };
}

// ── The peers' strategies, simulated as clients of the same stand-in ─────────────────────────

type UpstreamPrediction = { id: string; status: string; output: string[] | null };

function upstream(stub: StubServer) {
  const headers = { authorization: "Bearer r8_bench", "content-type": "application/json" };
  return {
    create: async (i: number) =>
      json<UpstreamPrediction>(
        await fetch(`${stub.baseUrl}/models/black-forest-labs/flux-schnell/predictions`, {
          method: "POST",
          headers,
          body: JSON.stringify({ input: { prompt: `scene ${i + 1}`, aspect_ratio: "16:9", output_format: "webp", seed: i } }),
        }),
        "create",
      ),
    get: async (id: string) => json<UpstreamPrediction>(await fetch(`${stub.baseUrl}/predictions/${id}`, { headers }), "get"),
    download: async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`download: HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer()).length;
    },
  };
}

/** A peer's sequential generation: one scene after another, create → poll every second → download. */
export async function runSequential(options: { stub: StubServer; frames: number; pollMs?: number; timeoutMs?: number }): Promise<E2eResult> {
  const { stub, frames } = options;
  const pollMs = options.pollMs ?? 1000;
  const api = upstream(stub);
  const before = stub.replicate.snapshot();
  const t0 = now();
  const stopAt = t0 + (options.timeoutMs ?? 120_000);
  const ids: string[] = [];
  let clientRequests = 0;
  for (let i = 0; i < frames; i++) {
    let p = await api.create(i);
    clientRequests++;
    ids.push(p.id);
    while (p.status !== "succeeded") {
      if (now() > stopAt) throw new Error("sequential: timed out");
      await sleep(pollMs);
      p = await api.get(p.id);
      clientRequests++;
    }
    await api.download(p.output![0]!);
    clientRequests++;
  }
  const wallMs = now() - t0;
  const predictions = ids.map((id) => stub.replicate.predictions.get(id)!);
  return {
    strategy: "sequential",
    tabs: 1,
    frames,
    wallMs,
    storedMs: null,
    slowestMs: Math.max(...predictions.map((p) => p.latencyMs)),
    sumLatencyMs: predictions.reduce((s, p) => s + p.latencyMs, 0),
    ...diff(stub.replicate.snapshot(), before),
    clientRequests,
    discoveryLagMs: null,
    finalizeMs: null,
    failed: 0,
    storyboardId: null,
    predictionIds: predictions.map((p) => p.id),
  };
}

/**
 * A peer's proxy-every-poll client: all predictions are created at once, then every tab polls
 * every unfinished prediction every second through a route that calls the provider each time,
 * and loads each finished image from the provider's URL itself.
 */
export async function runProxyEveryPoll(options: {
  stub: StubServer;
  frames: number;
  tabs: number;
  pollMs?: number;
  timeoutMs?: number;
}): Promise<E2eResult> {
  const { stub, frames, tabs } = options;
  const pollMs = options.pollMs ?? 1000;
  const api = upstream(stub);
  const before = stub.replicate.snapshot();
  const t0 = now();
  const stopAt = t0 + (options.timeoutMs ?? 60_000);
  const created = await Promise.all(Array.from({ length: frames }, (_, i) => api.create(i)));
  const seen: { at: number | null; requests: number } = { at: null, requests: frames };

  const tab = async (k: number) => {
    await sleep((k * pollMs) / tabs);
    const pending = new Set(created.map((p) => p.id));
    while (pending.size > 0) {
      if (now() > stopAt) throw new Error("proxy-every-poll: timed out");
      await Promise.all(
        [...pending].map(async (id) => {
          const p = await api.get(id);
          seen.requests++;
          if (p.status === "succeeded") {
            await api.download(p.output![0]!);
            seen.requests++;
            pending.delete(id);
          }
        }),
      );
      if (pending.size > 0) await sleep(pollMs);
    }
    seen.at ??= now();
  };
  await Promise.all(Array.from({ length: tabs }, (_, k) => tab(k)));
  const predictions = created.map((p) => stub.replicate.predictions.get(p.id)!);
  return {
    strategy: "proxy-every-poll",
    tabs,
    frames,
    wallMs: (seen.at ?? Number.NaN) - t0,
    storedMs: null,
    slowestMs: Math.max(...predictions.map((p) => p.latencyMs)),
    sumLatencyMs: predictions.reduce((s, p) => s + p.latencyMs, 0),
    ...diff(stub.replicate.snapshot(), before),
    clientRequests: seen.requests,
    discoveryLagMs: null,
    finalizeMs: null,
    failed: 0,
    storyboardId: null,
    predictionIds: predictions.map((p) => p.id),
  };
}
