import { beforeAll, describe, expect, it } from "vitest";
import { call, useTempAppEnv } from "../helpers/app-env";

// Issue 14, the API half: revisions and 409 conflicts, soft delete with restore, the approval lock.

beforeAll(async () => {
  await useTempAppEnv();
});

const r = async () => ({
  collection: await import("@/app/api/storyboards/route"),
  one: await import("@/app/api/storyboards/[id]/route"),
  scenes: await import("@/app/api/storyboards/[id]/scenes/route"),
  scene: await import("@/app/api/storyboards/[id]/scenes/[sceneId]/route"),
  restoreScene: await import("@/app/api/storyboards/[id]/scenes/[sceneId]/restore/route"),
  reorder: await import("@/app/api/storyboards/[id]/scenes/reorder/route"),
  generate: await import("@/app/api/storyboards/[id]/generate/route"),
  status: await import("@/app/api/storyboards/[id]/status/route"),
  exportFile: await import("@/app/api/storyboards/[id]/export/route"),
});

async function create(prompt: string, frameCount = 3) {
  const res = await call((await r()).collection.POST, { method: "POST", body: { prompt, frameCount } });
  expect(res.status).toBe(201);
  return res.body.storyboard;
}

async function drawAll(id: string) {
  const routes = await r();
  await call(routes.generate.POST, { method: "POST", params: { id } });
  for (let i = 0; i < 50; i++) {
    const progress = (await call(routes.status.GET, { params: { id } })).body.progress;
    if (progress.scenesInFlight === 0) return progress;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error("frames never finished");
}

const get = async (id: string) => (await call((await r()).one.GET, { params: { id } })).body.storyboard;
const patchScene = async (id: string, sceneId: string, body: unknown, headers?: Record<string, string>) =>
  call((await r()).scene.PATCH, { method: "PATCH", params: { id, sceneId }, body, ...(headers ? { headers } : {}) });

describe("scene revisions and conflicts", () => {
  it("every answer carries the new revision; a write based on an old one is 409 REVISION_CONFLICT with the current scene", async () => {
    const sb = await create("A tailor sews a coat for a bear");
    const s = sb.scenes[0];
    expect(s.revision).toBe(0);

    const first = await patchScene(sb.id, s.id, { description: "Mine, typed in tab A", baseRevision: 0 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 1, scene: { revision: 1, description: "Mine, typed in tab A" } });
    expect(first.headers.get("etag")).toBe('"1"');

    // Tab B still holds revision 0.
    const stale = await patchScene(sb.id, s.id, { description: "Theirs, typed in tab B", baseRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("REVISION_CONFLICT");
    expect(stale.body.error.details).toMatchObject({ revision: 1, current: { id: s.id, description: "Mine, typed in tab A", revision: 1 } });
    expect((await get(sb.id)).scenes[0].description).toBe("Mine, typed in tab A");

    // "Keep mine": re-send on top of the current revision.
    const keep = await patchScene(sb.id, s.id, { description: "Theirs, typed in tab B", baseRevision: 1 });
    expect(keep.status).toBe(200);
    expect(keep.body.revision).toBe(2);
  });

  it("two tabs saving at the same moment on the same revision: exactly one write lands, the other is told", async () => {
    const sb = await create("Two chefs share one stove");
    const s = sb.scenes[2];
    const results = await Promise.all(
      ["tab A's words", "tab B's words", "tab C's words"].map((description) => patchScene(sb.id, s.id, { description, baseRevision: 0 })),
    );
    const statuses = results.map((x) => x.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const winner = results.find((x) => x.status === 200)!.body.scene.description;
    for (const lost of results.filter((x) => x.status === 409)) expect(lost.body.error.details.current.description).toBe(winner);
    expect((await get(sb.id)).scenes[2]).toMatchObject({ description: winner, revision: 1 });
  });

  it("edits while frames are being drawn and polled never stall or fail (one batch per edit, no interactive transaction)", async () => {
    const sb = await create("A marching band parades through a flooded street", 4);
    const routes = await r();
    await call(routes.generate.POST, { method: "POST", params: { id: sb.id } });
    const work = [
      ...sb.scenes.slice(0, 3).flatMap((s: { id: string }, i: number) => [
        patchScene(sb.id, s.id, { notes: `note ${i}` }),
        patchScene(sb.id, s.id, { dialogue: `line ${i}` }),
      ]),
      ...Array.from({ length: 6 }, () => call(routes.status.GET, { params: { id: sb.id } })),
      call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: sb.scenes[3].id } }),
    ];
    const results = await Promise.all(work);
    expect(results.map((x) => x.status).filter((s) => s !== 200)).toEqual([]);
    await drawAll(sb.id);
    const after = await get(sb.id);
    expect(after.scenes.map((s: { notes: string; dialogue: string }) => [s.notes, s.dialogue])).toEqual([0, 1, 2].map((i) => [`note ${i}`, `line ${i}`]));
  });

  it("accepts If-Match instead of baseRevision, and refuses a malformed one with 400", async () => {
    const sb = await create("A kite festival on a windy beach");
    const s = sb.scenes[1];
    expect((await patchScene(sb.id, s.id, { notes: "gusty" }, { "if-match": '"0"' })).status).toBe(200);
    const stale = await patchScene(sb.id, s.id, { notes: "calm" }, { "if-match": 'W/"0"' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.notes).toBe("gusty");
    expect((await patchScene(sb.id, s.id, { notes: "calm" }, { "if-match": "banana" })).status).toBe(400);
  });

  it("a re-sent draft the server already has is a success, not a conflict; without a base revision the last write wins", async () => {
    const sb = await create("A boy builds a raft from bottles");
    const s = sb.scenes[0];
    await patchScene(sb.id, s.id, { dialogue: "Hold on!" });
    const again = await patchScene(sb.id, s.id, { dialogue: "Hold on!", baseRevision: 0 });
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(1); // nothing written twice
    expect((await patchScene(sb.id, s.id, { dialogue: "Row!" })).body.revision).toBe(2);
  });

  it("picking a frame does not bump the revision, so a frame landing while someone types never turns into a conflict", async () => {
    const sb = await create("A lighthouse in a storm");
    await drawAll(sb.id);
    const loaded = await get(sb.id);
    const s = loaded.scenes[0];
    const frameId = s.selectedFrame.id;
    const pick = await patchScene(sb.id, s.id, { selectedFrameId: frameId, baseRevision: 99 });
    expect(pick.status).toBe(200);
    expect(pick.body.revision).toBe(s.revision);
    expect((await patchScene(sb.id, s.id, { notes: "after the frame landed", baseRevision: s.revision })).status).toBe(200);
  });

  it("storyboard PATCH: revision, conflict with the current values; GET answers 304 to its own ETag until something changes", async () => {
    const sb = await create("Two owls argue about the moon");
    const { PATCH, GET } = (await r()).one;
    expect(sb.revision).toBe(0);
    const renamed = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Owls", baseRevision: 0 } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ revision: 1, storyboard: { title: "Owls", revision: 1 } });
    const stale = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Moon owls", baseRevision: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "REVISION_CONFLICT", details: { revision: 1, current: { title: "Owls" } } });
    const got = await call(GET, { params: { id: sb.id } });
    const etag = got.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{16}"$/);
    const same = await call(GET, { params: { id: sb.id }, headers: { "if-none-match": etag } });
    expect(same.status).toBe(304);
    await patchScene(sb.id, sb.scenes[0].id, { notes: "a scene changed, not the storyboard's own fields" });
    const changed = await call(GET, { params: { id: sb.id }, headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.storyboard.scenes[0].notes).toBe("a scene changed, not the storyboard's own fields");
  });
});

describe("soft delete and restore of a scene", () => {
  it("a deleted scene leaves reads, the order, the total, exports and generation; restore puts it back where it was", async () => {
    const sb = await create("A mail carrier delivers letters by canoe", 4);
    const routes = await r();
    const [a, b, c, d] = sb.scenes;
    const del = await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: b.id } });
    expect(del.status).toBe(200);
    expect(del.body.restoreUrl).toBe(`/api/storyboards/${sb.id}/scenes/${b.id}/restore`);

    const after = await get(sb.id);
    expect(after.scenes.map((s: { id: string }) => s.id)).toEqual([a.id, c.id, d.id]);
    expect(after.scenes.map((s: { order: number }) => s.order)).toEqual([1, 2, 3]);
    expect(after.totalDuration).toBeCloseTo(a.durationSeconds + c.durationSeconds + d.durationSeconds, 3);
    expect(after.deletedScenes).toEqual([{ id: b.id, order: 2, description: b.description, deletedAt: expect.any(String) }]);

    // hidden from edits, exports and generation
    expect((await patchScene(sb.id, b.id, { notes: "x" })).status).toBe(404);
    expect((await call(routes.generate.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: [b.id] } })).status).toBe(404);
    const exported = await call(routes.exportFile.GET, { url: "http://127.0.0.1/x?format=json", params: { id: sb.id } });
    expect(exported.body.scenes.map((s: { description: string }) => s.description)).not.toContain(b.description);
    // a reorder names only the live scenes
    expect((await call(routes.reorder.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: [d.id, c.id, a.id] } })).status).toBe(200);

    const restored = await call(routes.restoreScene.POST, { method: "POST", params: { id: sb.id, sceneId: b.id } });
    expect(restored.status).toBe(200);
    expect(restored.body.storyboard.scenes.map((s: { id: string }) => s.id)).toEqual([d.id, b.id, c.id, a.id]);
    expect(restored.body.storyboard.scenes.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(restored.body.storyboard.deletedScenes).toEqual([]);
    expect(restored.body.storyboard.totalDuration).toBeCloseTo(sb.totalDuration, 3);
    // restoring twice is harmless; an unknown scene is 404
    expect((await call(routes.restoreScene.POST, { method: "POST", params: { id: sb.id, sceneId: b.id } })).status).toBe(200);
    expect((await call(routes.restoreScene.POST, { method: "POST", params: { id: sb.id, sceneId: "nope" } })).status).toBe(404);
  });

  it("a restored scene keeps its frames; the purge removes a long-deleted scene with its files for good", async () => {
    const sb = await create("A glassblower makes a blue bird", 3);
    await drawAll(sb.id);
    const routes = await r();
    const target = (await get(sb.id)).scenes[2];
    await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: target.id } });
    const back = await call(routes.restoreScene.POST, { method: "POST", params: { id: sb.id, sceneId: target.id } });
    expect(back.body.storyboard.scenes[2].selectedFrame.id).toBe(target.selectedFrame.id);

    await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: target.id } });
    const { appGenerationDeps } = await import("@/lib/generation/app-deps");
    const { purgeDeleted } = await import("@/lib/storyboards/purge-deleted");
    const deps = await appGenerationDeps();
    const key = new URL(target.selectedFrame.image.originalUrl, "http://x").pathname.replace("/api/files/", "");
    expect(await deps.storage.exists(decodeURIComponent(key))).toBe(true);
    const purged = await purgeDeleted({ ...deps, now: () => new Date(Date.now() + 31 * 24 * 3600 * 1000) });
    expect(purged.scenes).toBeGreaterThanOrEqual(1);
    expect(await deps.storage.exists(decodeURIComponent(key))).toBe(false);
    expect((await call(routes.restoreScene.POST, { method: "POST", params: { id: sb.id, sceneId: target.id } })).status).toBe(404);
    expect((await get(sb.id)).scenes).toHaveLength(2);
  });
});

describe("approval lock", () => {
  it("approving with undrawn scenes needs force (409 APPROVAL_INCOMPLETE with the counts)", async () => {
    const sb = await create("A snail crosses a garden path", 3);
    const { PATCH } = (await r()).one;
    const refused = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "APPROVAL_INCOMPLETE", details: { missing: 3, failed: 0, scenesTotal: 3 } });
    expect((await get(sb.id)).approvedAt).toBeNull();
    const forced = await call(PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true, force: true } });
    expect(forced.status).toBe(200);
    expect(forced.body.storyboard).toMatchObject({ approvedAt: expect.any(String), approvedBy: null });
  });

  it("counts a failed frame as missing: a [[fail]] redraw blocks approval until forced", async () => {
    const sb = await create("A baker decorates a cake", 3);
    await drawAll(sb.id);
    const s = sb.scenes[0];
    await patchScene(sb.id, s.id, { imagePrompt: "a cake [[fail]]" });
    const routes = await r();
    await call(routes.generate.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: [s.id], force: true } });
    let progress;
    for (let i = 0; i < 50; i++) {
      progress = (await call(routes.status.GET, { params: { id: sb.id } })).body.progress;
      if (progress.scenesInFlight === 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(progress).toMatchObject({ stage: "partial", scenesFailed: 1, scenesCompleted: 2 });
    expect(await get(sb.id)).toMatchObject({ stage: "partial", status: "partial", scenesFailed: 1, scenesCompleted: 2 });
    const refused = await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true } });
    expect(refused.body.error).toMatchObject({ code: "APPROVAL_INCOMPLETE", details: { missing: 1, failed: 1 } });
  });

  it("an approved storyboard refuses every edit with 409 STORYBOARD_LOCKED until reopened", async () => {
    const sb = await create("A violinist plays on a rooftop", 3);
    await drawAll(sb.id);
    const routes = await r();
    const approve = await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: true } });
    expect(approve.status).toBe(200);
    const redraw = await call(routes.generate.POST, { method: "POST", params: { id: sb.id }, body: { force: true } });
    expect(redraw.status).toBe(409);
    expect(redraw.body.error.code).toBe("STORYBOARD_LOCKED");
    const [a, b, c] = sb.scenes;
    const attempts = [
      await patchScene(sb.id, a.id, { description: "changed" }),
      await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { title: "Renamed" } }),
      await call(routes.scenes.POST, { method: "POST", params: { id: sb.id }, body: { afterSceneId: null, description: "new" } }),
      await call(routes.scene.DELETE, { method: "DELETE", params: { id: sb.id, sceneId: b.id } }),
      await call(routes.reorder.POST, { method: "POST", params: { id: sb.id }, body: { sceneIds: [c.id, b.id, a.id] } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("STORYBOARD_LOCKED");
      expect(res.body.error.details.approvedAt).toBe(approve.body.storyboard.approvedAt);
    }
    const unchanged = await get(sb.id);
    expect(unchanged.title).toBe(sb.title);
    expect(unchanged.scenes.map((s: { id: string }) => s.id)).toEqual([a.id, b.id, c.id]);

    // reopen and rename in one PATCH
    const reopened = await call(routes.one.PATCH, { method: "PATCH", params: { id: sb.id }, body: { approved: false, title: "Rooftop" } });
    expect(reopened.status).toBe(200);
    expect(reopened.body.storyboard).toMatchObject({ approvedAt: null, title: "Rooftop" });
    expect((await patchScene(sb.id, a.id, { description: "changed" })).status).toBe(200);
  });
});
