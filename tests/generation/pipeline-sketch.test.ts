import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

let storageDir: string;
beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv());
});

const routes = async () => ({
  create: (await import("@/app/api/storyboards/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  one: (await import("@/app/api/storyboards/[id]/route")).GET,
  files: (await import("@/app/api/files/[...key]/route")).GET,
});

async function pollUntilSettled(status: unknown, id: string) {
  for (let i = 0; i < 40; i++) {
    const res = await call(status, { params: { id } });
    expect(res.status).toBe(200);
    if (res.body.progress.scenesInFlight === 0) return res.body.progress;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("frames did not settle");
}

describe("pipeline on the embedded sketch renderer", () => {
  it("plans, draws and stores a 6-scene storyboard end to end", async () => {
    const r = await routes();
    const created = await call(r.create, {
      method: "POST",
      body: { prompt: "A lighthouse keeper rescues a lost fishing boat during a winter storm", frameCount: 6, targetDuration: 30 },
    });
    expect(created.status).toBe(201);
    const id = created.body.storyboard.id as string;
    expect(created.body.storyboard.scenes).toHaveLength(6);

    const started = await call(r.generate, { method: "POST", params: { id } });
    expect(started.status).toBe(202);
    expect(started.body.frames).toHaveLength(6);
    expect(started.body.progress.cost).toEqual({ estimated: 0, actual: 0, currency: "USD" });

    const progress = await pollUntilSettled(r.status, id);
    expect(progress).toMatchObject({ stage: "ready", scenesCompleted: 6, scenesFailed: 0, message: "Ready" });

    const storyboard = (await call(r.one, { params: { id } })).body.storyboard;
    expect(storyboard.status).toBe("ready");
    for (const scene of storyboard.scenes) {
      const image = scene.selectedFrame.image;
      expect(image).toMatchObject({ width: 1344, height: 768 });
      const key = image.url.replace("/api/files/", "");
      expect(existsSync(path.join(storageDir, key))).toBe(true);
      const served = await call(r.files, { params: { key: key.split("/") } });
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/webp");
      const original = await sharp(path.join(storageDir, scene.selectedFrame.image.originalUrl.replace("/api/files/", ""))).metadata();
      expect(original.format).toBe("png");
      const thumb = await sharp(path.join(storageDir, scene.selectedFrame.image.thumbnailUrl.replace("/api/files/", ""))).metadata();
      expect(Math.max(thumb.width!, thumb.height!)).toBe(480);
    }

    // Each frame says what it drew, and it is what the renderer places for that scene.
    const { sketchDepicts } = await import("@/lib/providers/sketch/render-sketch");
    const { getFrameById } = await import("@/lib/db/queries/frames");
    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const deps = await appGenerationDeps();
    const drawn = storyboard.scenes.map((s: { selectedFrame: { depicts: unknown } }) => s.selectedFrame.depicts);
    for (const d of drawn) expect(Array.isArray(d) && d.every((w: unknown) => typeof w === "string" && w.length > 0)).toBe(true);
    expect(drawn.flat().length).toBeGreaterThan(0);
    for (const scene of storyboard.scenes) {
      const row = await getFrameById({ db: deps.db, id: scene.selectedFrame.id });
      expect(row?.depicts).toEqual(sketchDepicts(row!.input));
      expect(scene.selectedFrame.depicts).toEqual(row?.depicts);
    }

    // Generating again starts nothing: every scene has its frame.
    const again = await call(r.generate, { method: "POST", params: { id } });
    expect(again.body.frames).toHaveLength(0);
  });

  it("regenerates one scene as a new variation and selects it, keeping the history", async () => {
    const r = await routes();
    const created = await call(r.create, { method: "POST", body: { prompt: "A fox steals a pie from a windowsill", frameCount: 3 } });
    const id = created.body.storyboard.id;
    await call(r.generate, { method: "POST", params: { id } });
    await pollUntilSettled(r.status, id);
    const sceneId = created.body.storyboard.scenes[1].id;
    const regen = await call(r.generate, { method: "POST", params: { id }, body: { sceneIds: [sceneId], force: true } });
    expect(regen.body.frames).toHaveLength(1);
    expect(regen.body.progress.message).toMatch(/^Redrawing frame 2 of 3 · /);
    // The very poll that finishes the new variation already reports it as the scene's frame.
    const settled = await pollUntilSettled(r.status, id);
    expect(settled.scenes[1].selectedFrame.id).toBe(regen.body.frames[0].frameId);
    const scene = (await call(r.one, { params: { id } })).body.storyboard.scenes[1];
    expect(scene.variations).toHaveLength(2);
    expect(scene.selectedFrame.id).toBe(regen.body.frames[0].frameId);
  });
});
