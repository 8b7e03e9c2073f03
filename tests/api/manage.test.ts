import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// Issue 14: storyboard management from the list API — rename, duplicate with frames, search.

let storageDir: string;
beforeAll(async () => {
  ({ storageDir } = await useTempAppEnv());
});

const r = async () => ({
  collection: await import("@/app/api/storyboards/route"),
  one: await import("@/app/api/storyboards/[id]/route"),
  duplicate: (await import("@/app/api/storyboards/[id]/duplicate/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
  scene: await import("@/app/api/storyboards/[id]/scenes/[sceneId]/route"),
  history: (await import("@/app/api/storyboards/[id]/history/route")).GET,
});

async function create(body: Record<string, unknown>) {
  const res = await call((await r()).collection.POST, { method: "POST", body: { frameCount: 3, ...body } });
  expect(res.status).toBe(201);
  return res.body.storyboard;
}
const search = async (q: string) =>
  (await call((await r()).collection.GET, { url: `http://127.0.0.1/api/storyboards?q=${encodeURIComponent(q)}&limit=100` })).body.storyboards.map(
    (s: { title: string }) => s.title,
  );

describe("rename, duplicate, search", () => {
  it("duplicates with every finished frame, its own files, selections kept, fresh history and no approval", async () => {
    const sb = await create({ prompt: "A night ferry crosses a foggy bay", title: "Ferry" });
    const routes = await r();
    await call(routes.generate, { method: "POST", params: { id: sb.id } });
    for (let i = 0; i < 50 && (await call(routes.status, { params: { id: sb.id } })).body.progress.scenesInFlight > 0; i++) await new Promise((res) => setTimeout(res, 100));
    await call(routes.generate, { method: "POST", params: { id: sb.id }, body: { sceneIds: [sb.scenes[0].id], force: true } });
    for (let i = 0; i < 50 && (await call(routes.status, { params: { id: sb.id } })).body.progress.scenesInFlight > 0; i++) await new Promise((res) => setTimeout(res, 100));
    const original = (await call(routes.one.GET, { params: { id: sb.id } })).body.storyboard;
    // pick the older variation of scene 1, so the copy must keep a non-default choice
    const older = original.scenes[0].variations[1].id;
    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: sb.scenes[0].id }, body: { selectedFrameId: older } });
    await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true } });

    const dup = await call(routes.duplicate, { method: "POST", params: { id: sb.id } });
    expect(dup.status).toBe(201);
    const copy = dup.body.storyboard;
    expect(copy).toMatchObject({ title: "Ferry (copy)", approvedAt: null, revision: 0, stage: "ready", scenesCompleted: 3 });
    expect(copy.id).not.toBe(sb.id);
    expect(copy.scenes.map((s: { variations: unknown[] }) => s.variations.length)).toEqual([2, 1, 1]);
    const chosen = copy.scenes[0].selectedFrame;
    expect(chosen.id).not.toBe(older);
    expect(chosen.seed).toBe(original.scenes[0].variations[1].seed);
    expect(chosen.image.url).toContain(`/storyboards/${copy.id}/`);
    expect((await call(routes.history, { params: { id: copy.id } })).body.entries).toEqual([]);

    // the copy's pictures survive the original's purge
    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const { purgeDeleted } = await import("@/lib/storyboards/purge-deleted");
    await call(routes.one.DELETE, { method: "DELETE", params: { id: sb.id } });
    const deps = await appGenerationDeps();
    await purgeDeleted({ ...deps, now: () => new Date(Date.now() + 31 * 24 * 3600 * 1000) });
    expect(existsSync(path.join(storageDir, "storyboards", sb.id))).toBe(false);
    const key = decodeURIComponent(new URL(chosen.image.originalUrl, "http://x").pathname.replace("/api/files/", ""));
    expect(await deps.storage.exists(key)).toBe(true);
    expect((await call(routes.duplicate, { method: "POST", params: { id: sb.id } })).status).toBe(404);
  });

  it("searches title and idea, case-insensitively, with % and _ taken literally; deleted ones never show", async () => {
    await create({ prompt: "A lighthouse keeper befriends a seal", title: "Keeper" });
    await create({ prompt: "A baker and the 100% rye loaf", title: "Rye" });
    await create({ prompt: "Robots learn to dance", title: "Dance_Bots" });
    const gone = await create({ prompt: "A seal steals a fish", title: "Thief" });
    await call((await r()).one.DELETE, { method: "DELETE", params: { id: gone.id } });
    expect(await search("SEAL")).toEqual(["Keeper"]);
    expect(await search("keeper")).toEqual(["Keeper"]);
    expect(await search("100%")).toEqual(["Rye"]);
    expect(await search("%")).toEqual(["Rye"]);
    expect(await search("_")).toEqual(["Dance_Bots"]);
    expect(await search("no such words")).toEqual([]);
  });

  it("renames through PATCH {title}; the list shows the new title and revision", async () => {
    const sb = await create({ prompt: "A tram climbs a hill in the rain", title: "Tram" });
    const { PATCH } = (await r()).one;
    const renamed = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Rainy tram" } });
    expect(renamed.status).toBe(200);
    const listed = (await call((await r()).collection.GET, { url: "http://127.0.0.1/api/storyboards?q=tram" })).body.storyboards;
    expect(listed).toEqual([expect.objectContaining({ id: sb.id, title: "Rainy tram", revision: 1 })]);
  });
});
