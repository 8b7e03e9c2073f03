import { describe, expect, it } from "vitest";
import { insertFrame, getFrameById } from "@/lib/db/queries/frames";
import { insertStoryboardWithScenes } from "@/lib/db/queries/storyboards";
import { cancelFrame } from "@/lib/generation/cancel-frame";
import type { GenerationDeps } from "@/lib/generation/deps";
import { SketchProvider } from "@/lib/providers/sketch-provider";
import { LocalStorage } from "@/lib/storage/local";
import { tempDatabase } from "../helpers/db";
import { tempDir } from "../helpers/temp";

const input = { prompt: "p", aspectRatio: "16:9" as const, seed: 1, outputFormat: "png" as const, referenceImageUrl: null, scene: null, webhookUrl: null };

async function setup() {
  const { db } = await tempDatabase();
  await insertStoryboardWithScenes({
    db,
    storyboard: { id: "sb", title: "t", prompt: "p", sourceKind: "idea", style: "pencil-sketch", aspectRatio: "16:9", targetDuration: 10, plannerUsed: "embedded" },
    sceneRows: [{ id: "s1", storyboardId: "sb", order: 1, description: "d", imagePrompt: "p", durationSeconds: 10, shotType: "wide", cameraMove: "static" }],
  });
  const now = new Date("2026-11-21T12:00:00Z");
  const deps: GenerationDeps = {
    db,
    storage: new LocalStorage(await tempDir()),
    providerFor: () => new SketchProvider(),
    now: () => now,
    checkIntervalMs: 1000,
    leaseMs: 10_000,
  };
  return { db, deps, now };
}

describe("cancelFrame", () => {
  it("cancels an in-flight frame", async () => {
    const { db, deps } = await setup();
    await insertFrame({ db, frame: { id: "f1", sceneId: "s1", storyboardId: "sb", provider: "sketch", model: "sketch", status: "processing", predictionId: "sketch-1", input } });
    const canceled = await cancelFrame(deps, (await getFrameById({ db, id: "f1" }))!);
    expect(canceled).toMatchObject({ status: "canceled", errorCode: "CANCELED" });
  });

  it("calls off the scheduled retry of a failed frame, and leaves a finished frame alone", async () => {
    const { db, deps, now } = await setup();
    await insertFrame({
      db,
      frame: { id: "f2", sceneId: "s1", storyboardId: "sb", provider: "sketch", model: "sketch", status: "failed", errorCode: "RATE_LIMIT", nextAttemptAt: new Date(now.getTime() + 4000), input },
    });
    const result = await cancelFrame(deps, (await getFrameById({ db, id: "f2" }))!);
    expect(result).toMatchObject({ status: "failed", nextAttemptAt: null, errorCode: "RATE_LIMIT" });
    await insertFrame({ db, frame: { id: "f3", sceneId: "s1", storyboardId: "sb", provider: "sketch", model: "sketch", status: "succeeded", input } });
    expect((await cancelFrame(deps, (await getFrameById({ db, id: "f3" }))!)).status).toBe("succeeded");
  });
});
