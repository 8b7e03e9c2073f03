import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// Issue 14: the edit log, undo / redo, restoring a scene from history, and the live-sync check.

beforeAll(async () => {
  await useTempAppEnv();
});

const r = async () => ({
  collection: await import("@/app/api/storyboards/route"),
  one: await import("@/app/api/storyboards/[id]/route"),
  scenes: await import("@/app/api/storyboards/[id]/scenes/route"),
  scene: await import("@/app/api/storyboards/[id]/scenes/[sceneId]/route"),
  reorder: await import("@/app/api/storyboards/[id]/scenes/reorder/route"),
  undo: (await import("@/app/api/storyboards/[id]/undo/route")).POST,
  redo: (await import("@/app/api/storyboards/[id]/redo/route")).POST,
  history: (await import("@/app/api/storyboards/[id]/history/route")).GET,
  restoreEntry: (await import("@/app/api/storyboards/[id]/history/[editId]/restore/route")).POST,
  revision: (await import("@/app/api/storyboards/[id]/revision/route")).GET,
  approve: (await import("@/app/api/storyboards/[id]/approve/route")).POST,
  reopen: (await import("@/app/api/storyboards/[id]/reopen/route")).POST,
  generate: (await import("@/app/api/storyboards/[id]/generate/route")).POST,
  status: (await import("@/app/api/storyboards/[id]/status/route")).GET,
});

async function create(prompt: string, frameCount = 3) {
  const res = await call((await r()).collection.POST, { method: "POST", body: { prompt, frameCount } });
  expect(res.status).toBe(201);
  return res.body.storyboard;
}
const get = async (id: string) => (await call((await r()).one.GET, { params: { id } })).body.storyboard;
const undo = async (id: string) => call((await r()).undo, { method: "POST", params: { id } });
const redo = async (id: string) => call((await r()).redo, { method: "POST", params: { id } });
const history = async (id: string, query = "") => (await call((await r()).history, { url: `http://127.0.0.1/x${query}`, params: { id } })).body;
const ids = (sb: { scenes: { id: string }[] }) => sb.scenes.map((s) => s.id);
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

describe("undo and redo", () => {
  it("text edits, reorders, deletes, frame choice and style changes each undo and redo, newest first", async () => {
    const sb = await create("A clockmaker repairs the town clock", 3);
    const routes = await r();
    const [a, b, c] = sb.scenes;
    await call(routes.generate, { method: "POST", params: { id: sb.id } });
    for (let i = 0; i < 50 && (await call(routes.status, { params: { id: sb.id } })).body.progress.scenesInFlight > 0; i++) await sleep(100);
    await call(routes.generate, { method: "POST", params: { id: sb.id }, body: { sceneIds: [a.id], force: true } });
    for (let i = 0; i < 50 && (await call(routes.status, { params: { id: sb.id } })).body.progress.scenesInFlight > 0; i++) await sleep(100);
    const drawn = await get(sb.id);
    const [newer, older] = drawn.scenes[0].variations;
    expect(drawn.scenes[0].selectedFrame.id).toBe(newer.id);

    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: a.id }, body: { description: "Gears on the bench", durationSeconds: 4 } });
    await call(routes.reorder.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: [c.id, a.id, b.id] } });
    await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: b.id } });
    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: a.id }, body: { selectedFrameId: older.id } });
    await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { style: "cinematic", aspectRatio: "1:1" } });

    const log = await history(sb.id);
    expect(log.entries.map((e: { kind: string }) => e.kind)).toEqual(["storyboard.edit", "frame.select", "scene.delete", "scenes.reorder", "scene.edit"]);
    expect(log.entries[4]).toMatchObject({ before: { description: a.description, durationSeconds: a.durationSeconds }, after: { description: "Gears on the bench", durationSeconds: 4 }, actorId: null, status: "done" });
    expect(log).toMatchObject({ canUndo: true, canRedo: false });

    // each undo is its own request: nothing is held client-side, so it survives a reload
    expect((await undo(sb.id)).body.storyboard).toMatchObject({ style: sb.style, aspectRatio: sb.aspectRatio });
    expect((await undo(sb.id)).body.storyboard.scenes[1].selectedFrame.id).toBe(newer.id);
    const undeleted = (await undo(sb.id)).body.storyboard;
    expect(ids(undeleted)).toEqual([c.id, a.id, b.id]);
    expect(ids((await undo(sb.id)).body.storyboard)).toEqual([a.id, b.id, c.id]);
    const untyped = (await undo(sb.id)).body.storyboard;
    expect(untyped.scenes[0]).toMatchObject({ description: a.description, durationSeconds: a.durationSeconds });
    expect(untyped.totalDuration).toBeCloseTo(sb.totalDuration, 3);
    const nothing = await undo(sb.id);
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toBe("Nothing to undo.");

    // redo replays them oldest first
    expect((await redo(sb.id)).body.storyboard.scenes[0].description).toBe("Gears on the bench");
    expect(ids((await redo(sb.id)).body.storyboard)).toEqual([c.id, a.id, b.id]);
    expect(ids((await redo(sb.id)).body.storyboard)).toEqual([c.id, a.id]);
    expect((await history(sb.id)).canRedo).toBe(true);
  });

  it("a new edit after an undo discards the redo branch", async () => {
    const sb = await create("A girl trains a crow to bring buttons", 3);
    const routes = await r();
    const s = sb.scenes[0];
    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: s.id }, body: { notes: "one" } });
    await undo(sb.id);
    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: s.id }, body: { notes: "two" } });
    expect((await redo(sb.id)).status).toBe(409);
    const log = await history(sb.id);
    expect(log.entries.map((e: { status: string }) => e.status)).toEqual(["done", "discarded"]);
    expect((await get(sb.id)).scenes[0].notes).toBe("two");
  });

  it("saves of the same field while typing join one entry, so one undo takes back the burst", async () => {
    const sb = await create("A fisherman mends a net at dawn", 3);
    const routes = await r();
    const s = sb.scenes[0];
    for (const text of ["T", "Th", "The net", "The net is torn"]) {
      await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: s.id }, body: { dialogue: text } });
    }
    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: s.id }, body: { notes: "other field: its own entry" } });
    const log = await history(sb.id);
    expect(log.entries).toHaveLength(2);
    expect(log.entries[1]).toMatchObject({ kind: "scene.edit", before: { dialogue: s.dialogue }, after: { dialogue: "The net is torn" } });
    await undo(sb.id);
    const back = (await undo(sb.id)).body.storyboard.scenes[0];
    expect(back.dialogue).toBe(s.dialogue);
    expect(back.revision).toBe(7); // 4 saves, notes, and two undos: every write bumps it
  });

  it("adding a scene undoes to nothing and redoes back; undo is locked like any edit", async () => {
    const sb = await create("A painter paints the sea from a boat", 3);
    const routes = await r();
    await call(routes.scenes.POST, { method: "POST", params: { id: sb.id }, body: { afterSceneId: sb.scenes[2].id, description: "A gull steals the brush" } });
    expect((await get(sb.id)).scenes).toHaveLength(4);
    expect((await undo(sb.id)).body.storyboard.scenes).toHaveLength(3);
    expect((await redo(sb.id)).body.storyboard.scenes[3].description).toBe("A gull steals the brush");

    expect((await call(routes.approve, { method: "POST", params: { id: sb.id }, body: { force: true } })).status).toBe(200);
    const locked = await undo(sb.id);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("STORYBOARD_LOCKED");
    expect((await get(sb.id)).scenes).toHaveLength(4);
    expect((await call(routes.reopen, { method: "POST", params: { id: sb.id } })).body.storyboard.approvedAt).toBeNull();
    expect((await undo(sb.id)).status).toBe(200);
  });
});

describe("history", () => {
  it("pages newest first and restores a scene to an earlier entry's state, as an undoable edit", async () => {
    const sb = await create("A beekeeper moves hives up a mountain", 3);
    const routes = await r();
    const s = sb.scenes[1];
    for (const [i, text] of ["first draft", "second draft", "third draft"].entries()) {
      await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: s.id }, body: { description: text, ...(i === 1 ? { notes: "n" } : {}) } });
    }
    const page1 = await history(sb.id, "?limit=2");
    expect(page1.entries).toHaveLength(2);
    expect(page1.nextBefore).toBe(page1.entries[1].seq);
    const page2 = await history(sb.id, `?limit=2&before=${page1.nextBefore}`);
    expect(page2.entries).toHaveLength(1);
    expect(page2.nextBefore).toBeNull();
    const firstEntry = page2.entries[0];
    expect(firstEntry.after.description).toBe("first draft");

    const restored = await call(routes.restoreEntry, { method: "POST", params: { id: sb.id, editId: firstEntry.id } });
    expect(restored.status).toBe(200);
    expect(restored.body.storyboard.scenes[1].description).toBe("first draft");
    const beforeAll = await call(routes.restoreEntry, { method: "POST", params: { id: sb.id, editId: firstEntry.id }, body: { to: "before" } });
    expect(beforeAll.body.storyboard.scenes[1].description).toBe(s.description);
    // the restores are edits too: undo walks them back
    expect((await undo(sb.id)).body.storyboard.scenes[1].description).toBe("first draft");
    expect((await call(routes.restoreEntry, { method: "POST", params: { id: sb.id, editId: "00000000-0000-0000-0000-000000000000" } })).status).toBe(404);
    expect((await call(routes.restoreEntry, { method: "POST", params: { id: sb.id, editId: firstEntry.id }, body: { to: "sideways" } })).status).toBe(400);
  });
});

describe("GET /api/storyboards/:id/revision (live sync)", () => {
  it("changes on any edit, a frame landing or an API change; answers 304 while nothing changed", async () => {
    const sb = await create("A night train crosses a frozen lake", 3);
    const routes = await r();
    const check = async (etag?: string) =>
      call(routes.revision, { params: { id: sb.id }, ...(etag ? { headers: { "if-none-match": etag } } : {}) });
    const first = await check();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ success: true, revision: 0, version: expect.any(String) });
    const etag = first.headers.get("etag")!;
    expect(etag).toBe(`"${first.body.version}"`);
    expect((await check(etag)).status).toBe(304);

    await call(routes.scene.PATCH, { method: "PATCH", params: { id: sb.id, sceneId: sb.scenes[0].id }, body: { notes: "changed through the API" } });
    const afterEdit = await check(etag);
    expect(afterEdit.status).toBe(200);
    expect(afterEdit.body.version).not.toBe(first.body.version);

    const etag2 = afterEdit.headers.get("etag")!;
    await call(routes.generate, { method: "POST", params: { id: sb.id }, body: { sceneIds: [sb.scenes[2].id] } });
    expect((await check(etag2)).status).toBe(200);

    for (let i = 0; i < 50 && (await call(routes.status, { params: { id: sb.id } })).body.progress.scenesInFlight > 0; i++) await sleep(100);
    const settled = await check();
    expect((await check(settled.headers.get("etag")!)).status).toBe(304);
    await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Frozen lake" } });
    const renamed = await check(settled.headers.get("etag")!);
    expect(renamed.status).toBe(200);
    expect(renamed.body.revision).toBe(1);
    expect((await call(routes.revision, { params: { id: "missing" } })).status).toBe(404);
  });
});
