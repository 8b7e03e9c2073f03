import { describe, expect, it } from "vitest";
import { summarizeProgress as editorSummary } from "@/components/storyboard/format-progress";
import type { FrameRow, SceneRow } from "@/lib/db/schema";
import { summarizeProgress as serverSummary } from "@/lib/generation/progress";
import type { Storage } from "@/lib/storage/types";
import { toProgressDto } from "@/lib/storyboards/to-dto";
import { describeProgress, type ProgressFacts } from "@/lib/wording/progress";

// One wording for generation progress: the server's `message` and the editor header's text come from
// lib/wording/progress.ts, so for the same storyboard at the same instant they must read the same.

const T0 = Date.parse("2025-06-01T12:00:00.000Z");
const t = (seconds: number) => new Date(T0 + seconds * 1000);

const facts = (over: Partial<ProgressFacts>): ProgressFacts => ({
  total: 4,
  completed: 0,
  failed: 0,
  drawing: 0,
  redrawing: 0,
  generating: false,
  currentScene: null,
  etaSeconds: null,
  retryInSeconds: null,
  ...over,
});

describe("describeProgress", () => {
  it.each([
    [{ drawing: 2, generating: true, completed: 2, currentScene: 3, etaSeconds: 21 }, "Drawing frame 3 of 4 · about 20 s left", "working"],
    [{ drawing: 1, generating: true, currentScene: 1 }, "Drawing frame 1 of 4", "working"],
    [{ drawing: 1, redrawing: 1, generating: true, completed: 3, currentScene: 2, etaSeconds: 3 }, "Redrawing frame 2 of 4 · a few seconds left", "working"],
    [{ drawing: 2, redrawing: 2, generating: true, completed: 4, currentScene: 1 }, "Redrawing 2 frames", "working"],
    [{ generating: true, completed: 3, retryInSeconds: 3.2 }, "Retrying in 4 s", "working"],
    [{ generating: true, completed: 3, retryInSeconds: -1 }, "Retrying…", "working"],
    [{ generating: true }, "Starting…", "working"],
    [{ total: 0 }, "No scenes yet", "idle"],
    [{}, "4 frames to draw", "idle"],
    [{ completed: 4 }, "Ready", "done"],
    [{ completed: 3 }, "Ready · 1 new scene not drawn yet", "idle"],
    [{ completed: 2, failed: 2 }, "Ready, 2 scenes failed", "warning"],
    [{ completed: 2, failed: 1 }, "Ready, 1 scene failed, 1 frame not drawn", "warning"],
    [{ failed: 4 }, "All 4 frames failed", "error"],
    [{ total: 1, failed: 1 }, "The frame failed", "error"],
  ] as const)("%o → %s", (over, text, tone) => {
    expect(describeProgress(facts(over))).toEqual({ text, tone });
  });
});

let seq = 0;
function row(sceneId: string, over: Partial<FrameRow> = {}): FrameRow {
  seq++;
  return {
    id: `f${seq}`,
    sceneId,
    storyboardId: "sb",
    provider: "replicate",
    model: "flux-schnell",
    predictionId: `p${seq}`,
    status: "processing",
    nextCheckAt: null,
    attempt: 1,
    retryOfFrameId: null,
    input: { prompt: "x", aspectRatio: "16:9", seed: 1, outputFormat: "webp", referenceImageUrl: null, scene: null, webhookUrl: null },
    seed: 1,
    progress: null,
    errorCode: null,
    errorMessage: null,
    finalizeAttempts: 0,
    depicts: null,
    leaseToken: null,
    leaseExpiresAt: null,
    lastCheckedAt: null,
    nextAttemptAt: null,
    originalKey: null,
    displayKey: null,
    thumbnailKey: null,
    contentType: null,
    width: null,
    height: null,
    bytes: null,
    contentHash: null,
    unitPrice: 0.003,
    cost: null,
    predictTimeSeconds: null,
    completedAt: null,
    createdAt: t(0),
    updatedAt: t(0),
    ...over,
  };
}
const done = (sceneId: string, seconds = 4) =>
  row(sceneId, {
    status: "succeeded",
    cost: 0.003,
    progress: 1,
    completedAt: t(seconds),
    originalKey: `o-${sceneId}.png`,
    displayKey: `d-${sceneId}.webp`,
    thumbnailKey: `t-${sceneId}.webp`,
    width: 1344,
    height: 768,
  });
const failedForGood = (sceneId: string) => row(sceneId, { status: "failed", errorCode: "CONTENT_POLICY", completedAt: t(3) });

const storage = { url: async (key: string) => `/api/files/${key}` } as unknown as Storage;
const sceneRows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, order: i + 1 }) as SceneRow);

describe("the server's message and the editor's header agree", () => {
  const NOW = t(60);
  it.each([
    ["drawing", 4, () => [done("s1", 10), row("s2", { createdAt: t(55) }), row("s3", { createdAt: t(55), status: "queued" })]],
    ["redrawing one", 3, () => [done("s1"), done("s2"), done("s3"), row("s2", { createdAt: t(58), status: "starting" })]],
    ["a retry waiting", 3, () => [done("s1"), done("s2"), row("s3", { status: "failed", errorCode: "RATE_LIMIT", nextAttemptAt: t(63.5) })]],
    ["undrawn", 5, () => []],
    ["ready", 2, () => [done("s1"), done("s2")]],
    ["a new scene", 3, () => [done("s1"), done("s2")]],
    ["partial", 4, () => [done("s1"), failedForGood("s2"), done("s3"), done("s4")]],
    ["all failed", 2, () => [failedForGood("s1"), failedForGood("s2")]],
  ] as const)("%s", async (_name, n, frames) => {
    const scenes = sceneRows(n);
    const rows = frames();
    const summary = serverSummary({ scenes, frames: rows, now: NOW, concurrency: 4, unitPrice: 0.003 });
    const dto = await toProgressDto({ scenes, frames: rows, progress: summary, storage });
    expect(editorSummary(dto, NOW.getTime()).text).toBe(summary.message);
  });
});
