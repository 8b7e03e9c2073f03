import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

let storageDir: string;
beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv());
});

const r = async () => ({
  collection: await import("@/app/api/storyboards/route"),
  one: await import("@/app/api/storyboards/[id]/route"),
  scenes: await import("@/app/api/storyboards/[id]/scenes/route"),
  scene: await import("@/app/api/storyboards/[id]/scenes/[sceneId]/route"),
  reorder: await import("@/app/api/storyboards/[id]/scenes/reorder/route"),
  generate: await import("@/app/api/storyboards/[id]/generate/route"),
  status: await import("@/app/api/storyboards/[id]/status/route"),
  seed: await import("@/app/api/storyboard/route"),
});

async function create(body: Record<string, unknown>) {
  const res = await call((await r()).collection.POST, { method: "POST", body });
  expect(res.status).toBe(201);
  return res.body.storyboard;
}

const sum = (scenes: { durationSeconds: number }[]) => scenes.reduce((a, s) => a + s.durationSeconds, 0);

describe("POST /api/storyboards", () => {
  it("plans with the embedded planner and persists the storyboard", async () => {
    const sb = await create({ prompt: "A 30-second ad for Nimbus, a coffee that keeps night-shift nurses going", style: "cinematic", aspectRatio: "9:16" });
    expect(sb).toMatchObject({ style: "cinematic", aspectRatio: "9:16", targetDuration: 30, plannerUsed: "embedded", status: "draft" });
    expect(sb.scenes.length).toBe(6);
    expect(Math.abs(sum(sb.scenes) - 30)).toBeLessThanOrEqual(0.05);
    expect(sb.totalDuration).toBeCloseTo(30, 1);
    expect(sb.scenes.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    const again = await call((await r()).one.GET, { params: { id: sb.id } });
    expect(again.body.storyboard.scenes.map((s: { id: string }) => s.id)).toEqual(sb.scenes.map((s: { id: string }) => s.id));
  });

  it("honours frameCount, title and form", async () => {
    const sb = await create({ prompt: "How a heat pump warms a house in winter", frameCount: 4, title: "Heat pumps, simply", form: "explainer", targetDuration: 20 });
    expect(sb.title).toBe("Heat pumps, simply");
    expect(sb.form).toBe("explainer");
    expect(sb.scenes).toHaveLength(4);
  });

  it.each([
    ["an empty prompt", { prompt: "" }, "prompt"],
    ["a whitespace prompt", { prompt: "   \n " }, "prompt"],
    ["a prompt over 4,000 characters", { prompt: "x".repeat(4001) }, "prompt"],
    ["an unknown style", { prompt: "a cat", style: "vaporwave" }, "style"],
    ["an unknown aspect ratio", { prompt: "a cat", aspectRatio: "3:2" }, "aspectRatio"],
    ["a duration under 5 s", { prompt: "a cat", targetDuration: 4 }, "targetDuration"],
    ["a duration over 300 s", { prompt: "a cat", targetDuration: 301 }, "targetDuration"],
    ["frameCount 2", { prompt: "a cat", frameCount: 2 }, "frameCount"],
    ["frameCount 13", { prompt: "a cat", frameCount: 13 }, "frameCount"],
    ["a prompt that is not a string", { prompt: 42 }, "prompt"],
  ])("rejects %s with 400 and the zod issues", async (_name, body, field) => {
    const res = await call((await r()).collection.POST, { method: "POST", body });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe("INVALID_REQUEST");
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it("rejects malformed JSON and a wrong content type", async () => {
    const { POST } = (await r()).collection;
    expect((await call(POST, { method: "POST", body: "{nope" })).status).toBe(400);
    expect((await call(POST, { method: "POST", body: "prompt=x", headers: { "content-type": "text/plain" } })).status).toBe(415);
  });
});

describe("GET /api/storyboards", () => {
  it("lists newest first with cursor pagination", async () => {
    for (const p of ["first idea about a kite", "second idea about a boat", "third idea about a train"]) await create({ prompt: p, frameCount: 3 });
    const { GET } = (await r()).collection;
    const page1 = await call(GET, { url: "http://127.0.0.1/api/storyboards?limit=2" });
    expect(page1.status).toBe(200);
    expect(page1.body.storyboards).toHaveLength(2);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await call(GET, { url: `http://127.0.0.1/api/storyboards?limit=2&cursor=${page1.body.nextCursor}` });
    const ids = [...page1.body.storyboards, ...page2.body.storyboards].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const created = [...page1.body.storyboards, ...page2.body.storyboards].map((s: { createdAt: string }) => s.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(page1.body.storyboards[0]).toMatchObject({ sceneCount: expect.any(Number), thumbnails: expect.any(Array) });
  });

  it("rejects a bad limit or cursor", async () => {
    const { GET } = (await r()).collection;
    expect((await call(GET, { url: "http://127.0.0.1/api/storyboards?limit=0" })).status).toBe(400);
    expect((await call(GET, { url: "http://127.0.0.1/api/storyboards?cursor=garbage" })).status).toBe(400);
  });
});

describe("storyboard and scene edits", () => {
  it("patches title, style, aspect ratio and approval", async () => {
    const sb = await create({ prompt: "A girl teaches her grandfather to ride an electric scooter", frameCount: 3 });
    const { PATCH } = (await r()).one;
    // Nothing is drawn yet: approving needs force (see tests/api/edits.test.ts for the refusal).
    const res = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Grandpa rides", approved: true, force: true, aspectRatio: "1:1" } });
    expect(res.status).toBe(200);
    expect(res.body.storyboard).toMatchObject({ title: "Grandpa rides", aspectRatio: "1:1" });
    const approvedAt = res.body.storyboard.approvedAt;
    expect(approvedAt).toBeTruthy();
    const again = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true } });
    expect(again.body.storyboard.approvedAt).toBe(approvedAt);
    const un = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: false } });
    expect(un.body.storyboard.approvedAt).toBeNull();
    expect((await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: {} })).status).toBe(400);
    expect((await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { status: "ready" } })).status).toBe(400);
    expect((await call(PATCH, { method: "PATCH", params: { id: "nope" }, body: { title: "x" } })).status).toBe(404);
  });

  it("adds, edits and deletes scenes, keeping orders dense and the total exact", async () => {
    const sb = await create({ prompt: "A baker wakes at 4am to make bread for the whole village", frameCount: 3, targetDuration: 15 });
    const routes = await r();
    const [a, b, c] = sb.scenes;

    const added = await call(routes.scenes.POST, { method: "POST", params: { id: sb.id }, body: { afterSceneId: a.id, description: "Flour dust hangs in the lamplight", durationSeconds: 2.5 } });
    expect(added.status).toBe(201);
    const afterAdd = added.body.storyboard.scenes;
    expect(afterAdd.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(afterAdd[1].description).toBe("Flour dust hangs in the lamplight");
    expect(afterAdd[1].imagePrompt).toContain("Flour dust");
    expect(added.body.storyboard.totalDuration).toBeCloseTo(17.5, 3);

    const first = await call(routes.scenes.POST, { method: "POST", params: { id: sb.id }, body: { afterSceneId: null, description: "Black screen, a rooster crows", shotType: "insert" } });
    expect(first.body.storyboard.scenes[0].description).toBe("Black screen, a rooster crows");

    const edit = await call(routes.scene.PATCH, {
      method: "PATCH",
      params: { id: sb.id, sceneId: b.id },
      body: { description: "The baker shapes loaves by hand", durationSeconds: 6, shotType: "close-up", cameraMove: "dolly-in", dialogue: "Almost ready.", notes: "warm key light" },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.scene).toMatchObject({ description: "The baker shapes loaves by hand", durationSeconds: 6, shotType: "close-up", cameraMove: "dolly-in", dialogue: "Almost ready.", notes: "warm key light", revision: 1 });

    const del = await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: c.id } });
    expect(del.status).toBe(200);
    const final = (await call(routes.one.GET, { params: { id: sb.id } })).body.storyboard;
    expect(final.scenes.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(final.scenes.find((s: { id: string }) => s.id === c.id)).toBeUndefined();
    expect(final.totalDuration).toBeCloseTo(sum(final.scenes), 3);
    expect(del.body.totalDuration).toBeCloseTo(final.totalDuration, 3);
  });

  it.each([
    ["an empty description", { description: "" }],
    ["a duration over 15 s", { durationSeconds: 16 }],
    ["a duration under 1 s", { durationSeconds: 0.5 }],
    ["an unknown shot", { shotType: "dutch-angle" }],
    ["an unknown camera move", { cameraMove: "whip" }],
    ["an unknown field", { order: 3 }],
    ["nothing", {}],
  ])("rejects a scene patch with %s", async (_name, body) => {
    const sb = await create({ prompt: "A chess match in a park", frameCount: 3 });
    const res = await call((await r()).scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: sb.scenes[0].id }, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_REQUEST");
  });

  it("answers unknown storyboards, scenes and frames with 404", async () => {
    const sb = await create({ prompt: "A dog learns to surf", frameCount: 3 });
    const routes = await r();
    expect((await call(routes.one.GET, { params: { id: "missing" } })).status).toBe(404);
    expect((await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: "missing" }, body: { notes: "x" } })).status).toBe(404);
    expect((await call(routes.scene.DELETE, { method: "DELETE", params: { id: "missing", sceneId: sb.scenes[0].id } })).status).toBe(404);
    expect((await call(routes.scenes.POST, { method: "POST", params: { id: sb.id }, body: { afterSceneId: "missing", description: "x" } })).status).toBe(404);
    expect((await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: sb.scenes[0].id }, body: { selectedFrameId: "missing" } })).status).toBe(404);
    expect((await call(routes.generate.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: ["missing"] } })).status).toBe(404);
  });
});

describe("reorder", () => {
  it("applies a new order atomically and keeps it", async () => {
    const sb = await create({ prompt: "Two friends race paper boats down a rainy street", frameCount: 4 });
    const ids = sb.scenes.map((s: { id: string }) => s.id);
    const wanted = [ids[2], ids[0], ids[3], ids[1]];
    const routes = await r();
    const res = await call(routes.reorder.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: wanted } });
    expect(res.status).toBe(200);
    const reloaded = (await call(routes.one.GET, { params: { id: sb.id } })).body.storyboard;
    expect(reloaded.scenes.map((s: { id: string }) => s.id)).toEqual(wanted);
    expect(reloaded.scenes.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ["misses a scene", (ids: string[]) => ids.slice(1)],
    ["repeats a scene", (ids: string[]) => [ids[0], ...ids.slice(0, -1)]],
    ["names a foreign scene", (ids: string[]) => [...ids.slice(1), "foreign"]],
    ["is empty", () => []],
  ])("rejects a list that %s, leaving the order untouched", async (_name, make) => {
    const sb = await create({ prompt: "A robot waters a garden on Mars", frameCount: 3 });
    const ids = sb.scenes.map((s: { id: string }) => s.id);
    const routes = await r();
    const res = await call(routes.reorder.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: make(ids) } });
    expect(res.status).toBe(400);
    const reloaded = (await call(routes.one.GET, { params: { id: sb.id } })).body.storyboard;
    expect(reloaded.scenes.map((s: { id: string }) => s.id)).toEqual(ids);
  });
});

describe("DELETE /api/storyboards/:id", () => {
  it("hides the storyboard at once, restore brings it back, and the purge removes it with its stored files", async () => {
    const sb = await create({ prompt: "A street musician plays for a single pigeon", frameCount: 3 });
    const routes = await r();
    await call(routes.generate.POST, { method: "POST", params: { id: sb.id } });
    let progress;
    for (let i = 0; i < 30; i++) {
      progress = (await call(routes.status.GET, { params: { id: sb.id } })).body.progress;
      if (progress.scenesInFlight === 0) break;
      await new Promise((res) => setTimeout(res, 300));
    }
    expect(progress.stage).toBe("ready");
    const folder = path.join(storageDir, "storyboards", sb.id);
    expect(existsSync(folder)).toBe(true);
    const res = await call(routes.one.DELETE, { method: "DELETE", params: { id: sb.id } });
    expect(res.status).toBe(200);
    expect((await call(routes.one.GET, { params: { id: sb.id } })).status).toBe(404);
    expect((await call(routes.one.DELETE, { method: "DELETE", params: { id: sb.id } })).status).toBe(404);
    const listed = (await call(routes.collection.GET, { url: "http://127.0.0.1/api/storyboards?limit=100" })).body.storyboards;
    expect(listed.map((s: { id: string }) => s.id)).not.toContain(sb.id);
    expect(existsSync(folder)).toBe(true); // files stay for the undo

    const restore = (await import("@/app/api/storyboards/[id]/restore/route")).POST;
    const restored = await call(restore, { method: "POST", params: { id: sb.id } });
    expect(restored.status).toBe(200);
    expect(restored.body.storyboard.scenes.every((s: { selectedFrame: unknown }) => s.selectedFrame !== null)).toBe(true);

    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const { purgeDeleted } = await import("@/lib/storyboards/purge-deleted");
    const deps = await appGenerationDeps();
    expect((await call(routes.one.DELETE, { method: "DELETE", params: { id: sb.id } })).status).toBe(200);
    expect(await purgeDeleted(deps)).toMatchObject({ storyboards: 0 }); // deleted just now: still restorable
    expect(existsSync(folder)).toBe(true);
    const later = { ...deps, now: () => new Date(Date.now() + 31 * 24 * 3600 * 1000) };
    expect((await purgeDeleted(later)).storyboards).toBeGreaterThanOrEqual(1);
    expect(existsSync(folder)).toBe(false);
    expect((await call(restore, { method: "POST", params: { id: sb.id } })).status).toBe(404);
  });
});

describe("seed-compatible POST /api/storyboard", () => {
  it("answers 5 persisted scenes by default in the seed's shape", async () => {
    const res = await call((await r()).seed.POST, { method: "POST", body: { prompt: "A lost astronaut finds a garden on the moon" } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.scenes).toHaveLength(5);
    expect(res.body.scenes[0]).toMatchObject({ id: expect.any(String), order: 1, description: expect.any(String), imagePrompt: expect.any(String), suggestedDuration: expect.any(Number) });
    expect(Math.abs(sum(res.body.scenes.map((s: { suggestedDuration: number }) => ({ durationSeconds: s.suggestedDuration }))) - 30)).toBeLessThanOrEqual(0.05);
    const stored = await call((await r()).one.GET, { params: { id: res.body.projectId } });
    expect(stored.body.storyboard.scenes.map((s: { id: string }) => s.id)).toEqual(res.body.scenes.map((s: { id: string }) => s.id));
  });

  it("honours frameCount and only accepts 15, 30 or 60 s", async () => {
    const { POST } = (await r()).seed;
    const res = await call(POST, { method: "POST", body: { prompt: "A paper plane crosses a city", targetDuration: 15, frameCount: 3 } });
    expect(res.body.scenes).toHaveLength(3);
    expect((await call(POST, { method: "POST", body: { prompt: "x", targetDuration: 45 } })).status).toBe(400);
  });
});
